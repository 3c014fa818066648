import ort from 'onnxruntime-node';
import { openSession, type SessionBehaviour } from '@shipml/serve/onnx';
import { PLATE_SESSION } from './model-files.js';
import type { PlateModels, Tensor } from './types.js';

export interface OrtModelPaths {
  det: string;
  rec: string;
}

/** Run one single-input, single-output ONNX session on a serve-style tensor. */
export async function runOnce(session: ort.InferenceSession, input: Tensor): Promise<Tensor> {
  if (input.datatype !== 'FP32') throw new Error(`expected FP32 input, got ${input.datatype}`);
  const feeds = {
    [session.inputNames[0]!]: new ort.Tensor('float32', input.data as Float32Array, input.shape),
  };
  const out = (await session.run(feeds))[session.outputNames[0]!]!;
  return { datatype: 'FP32', shape: [...out.dims], data: out.data as Float32Array };
}

/**
 * `PlateModels` straight on onnxruntime-node, without a server: for scripts, tests and the eval.
 * Loads both sessions once; `threads` is onnxruntime's intra-op thread count. `session` defaults
 * to the server's settings, so the eval measures what the server runs.
 */
export async function createOrtModels(
  paths: OrtModelPaths,
  threads = 2,
  session: SessionBehaviour = PLATE_SESSION,
): Promise<PlateModels & { release(): Promise<void> }> {
  const [det, rec] = await Promise.all([
    openSession(paths.det, threads, session),
    openSession(paths.rec, threads, session),
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
