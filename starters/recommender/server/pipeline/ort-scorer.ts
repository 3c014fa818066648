import * as ort from 'onnxruntime-node';
import { SCORING_IO } from './onnx-export.js';
import type { ItemScorer } from './item-scorer.js';

/**
 * Runs the exported scoring model in-process with onnxruntime-node (for scripts, tests and the
 * bench; the app serves the same file through @shipml/serve). `model` is a path or the bytes.
 */
export async function createOrtScorer(
  model: string | Uint8Array,
  threads = 1,
): Promise<ItemScorer & { close(): Promise<void> }> {
  const options = { intraOpNumThreads: threads, interOpNumThreads: 1 };
  const session =
    typeof model === 'string'
      ? await ort.InferenceSession.create(model, options)
      : await ort.InferenceSession.create(model, options);
  return {
    async score(users, userBias, factors, k) {
      const batch = userBias.length;
      const out = await session.run({
        [SCORING_IO.user]: new ort.Tensor('float32', users, [batch, factors]),
        [SCORING_IO.userBias]: new ort.Tensor('float32', userBias, [batch, 1]),
        [SCORING_IO.k]: new ort.Tensor('int64', BigInt64Array.of(BigInt(k)), [1]),
      });
      const top = out[SCORING_IO.topIndices]!.data as BigInt64Array;
      return {
        scores: out[SCORING_IO.scores]!.data as Float32Array,
        topIndices: Int32Array.from(top, Number),
      };
    },
    close: () => session.release(),
  };
}
