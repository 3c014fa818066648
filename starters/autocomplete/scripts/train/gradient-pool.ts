import { Worker } from 'node:worker_threads';
import type { Batch } from './batches.js';
import type { GptConfig } from './gpt-config.js';
import type { GradientRequest } from './gradient-worker.js';
import { computeGradients, type GradientResult } from './gradients.js';
import { useWasmBackend } from './tf-backend.js';

/** Computes gradients for several batch shards at once: in worker threads, or in-process. */
export interface GradientPool {
  /** Number of shards {@link compute} expects (one per worker; 1 in-process). */
  readonly size: number;
  compute(config: GptConfig, params: Float32Array, shards: Batch[]): Promise<GradientResult[]>;
  close(): Promise<void>;
}

/**
 * `workers` = 0 computes in this thread; N ≥ 1 starts N worker threads (one wasm instance each),
 * which is how training uses more than one core. Workers load TypeScript through tsx.
 */
export async function createGradientPool(workers: number): Promise<GradientPool> {
  if (workers === 0) {
    await useWasmBackend();
    return {
      size: 1,
      compute: async (config, params, shards) =>
        shards.map((s) => computeGradients(config, params, s)),
      close: async () => {},
    };
  }
  // A worker cannot start from a .ts file on its own: a tiny bootstrap loads it through tsx's API.
  const entry = new URL('./gradient-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const threads = Array.from({ length: workers }, () => new Worker(bootstrap, { eval: true }));
  const call = (w: Worker, req: GradientRequest) =>
    new Promise<GradientResult>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      w.once('error', onError);
      w.once('message', (r: GradientResult) => {
        w.off('error', onError);
        resolve(r);
      });
      w.postMessage(req);
    });
  return {
    size: workers,
    compute: (config, params, shards) =>
      Promise.all(shards.map((batch, i) => call(threads[i]!, { config, params, batch }))),
    close: async () => {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
