import ort from 'onnxruntime-node';
import { sessionOptions } from '@shipml/serve/onnx';
import { PLATE_THREADS } from './model-files.js';
import type { PlateModels, Tensor } from './types.js';

export interface OrtModelPaths {
  det: string;
  rec: string;
}

/** Run one single-input, single-output ONNX session on a serve-style tensor. */
async function runOnce(session: ort.InferenceSession, input: Tensor): Promise<Tensor> {
  if (input.datatype !== 'FP32') throw new Error(`expected FP32 input, got ${input.datatype}`);
  const feeds = {
    [session.inputNames[0]!]: new ort.Tensor('float32', input.data as Float32Array, input.shape),
  };
  const out = (await session.run(feeds))[session.outputNames[0]!]!;
  return { datatype: 'FP32', shape: [...out.dims], data: out.data as Float32Array };
}

/**
 * `PlateModels` straight on onnxruntime-node, without a server: for scripts, tests and the eval.
 * Loads both sessions once; `threads` is onnxruntime's intra-op thread count.
 */
export async function createOrtModels(
  paths: OrtModelPaths,
  threads = 2,
): Promise<PlateModels & { release(): Promise<void> }> {
  // The same session settings as @shipml/serve's workers, so the eval measures what the server runs.
  const opts = sessionOptions(threads, PLATE_THREADS);
  const [det, rec] = await Promise.all([
    ort.InferenceSession.create(paths.det, opts),
    ort.InferenceSession.create(paths.rec, opts),
  ]);
  return {
    detect: (input) => runOnce(det, input),
    recognize: (input) => runOnce(rec, input),
    release: async () => {
      await det.release();
      await rec.release();
    },
  };
}
