/** Worker-thread entry: computes gradients for the batches the main thread sends. */
import { parentPort } from 'node:worker_threads';
import type { Batch } from './batches.js';
import type { GptConfig } from './gpt-config.js';
import { computeGradients } from './gradients.js';
import { useWasmBackend } from './tf-backend.js';

export interface GradientRequest {
  config: GptConfig;
  params: Float32Array;
  batch: Batch;
}

const port = parentPort;
if (!port) throw new Error('gradient-worker must run in a worker thread');
const ready = useWasmBackend();
port.on('message', async (req: GradientRequest) => {
  await ready;
  const { loss, grad } = computeGradients(req.config, req.params, req.batch);
  port.postMessage({ loss, grad }, [grad.buffer as ArrayBuffer]);
});
