import type { InferenceService } from '@shipml/serve';
import type { ItemScorer } from './item-scorer.js';
import { SCORING_IO } from './onnx-export.js';

/**
 * The model call through @shipml/serve: the ONNX scoring graph runs in a worker thread (never
 * the event loop), the same model the V2 route `/v2/models/{name}/infer` serves.
 *
 * @example
 * const scorer = servedScorer(app.inference, 'movies-20250101-120000-bundled');
 * await scorer.score(userVector, Float32Array.of(0.2), 50, 10)
 * // → { scores: Float32Array(3201) [3.41, 3.87, …], topIndices: Int32Array(10) [412, 97, …] }
 */
export function servedScorer(inference: InferenceService, model: string): ItemScorer {
  return {
    async score(users, userBias, factors, k) {
      const batch = userBias.length;
      const outputs = await inference.infer(model, {
        // [batch, factors] float32: the folded-in user vectors.
        [SCORING_IO.user]: { datatype: 'FP32', shape: [batch, factors], data: users },
        // [batch, 1] float32: each user's bias (how generous their stars are).
        [SCORING_IO.userBias]: { datatype: 'FP32', shape: [batch, 1], data: userBias },
        // [1] int64: how many of the best items the graph's TopK keeps.
        [SCORING_IO.k]: { datatype: 'INT64', shape: [1], data: BigInt64Array.of(BigInt(k)) },
      });
      const scores = outputs[SCORING_IO.scores]?.data;
      const top = outputs[SCORING_IO.topIndices]?.data;
      if (!(scores instanceof Float32Array) || !top)
        throw new Error(
          `${model} did not return ${SCORING_IO.scores} and ${SCORING_IO.topIndices}`,
        );
      return { scores, topIndices: Int32Array.from(top as ArrayLike<number | bigint>, Number) };
    },
  };
}
