/**
 * Diagnostic setup: @shipml/serve's scheduler and worker pool called in-process through
 * `app.inference.infer`, with no HTTP. Separates what batching and the workers cost from what
 * HTTP costs. Args: modelPath workers threadsPerWorker maxBatchSize maxQueueDelayMs niceIncrement
 * seconds concurrency. Prints {"rps"} (rows per second).
 */
import { createServer } from './built.js';
import { MODEL } from './shared.js';

const [modelPath, workers, threads, maxBatch, delay, nice, seconds, concurrency] =
  process.argv.slice(2);
const app = await createServer({
  docs: false,
  models: [
    {
      name: 'bench',
      backend: 'onnx',
      path: modelPath!,
      workers: Number(workers),
      threadsPerWorker: Number(threads),
      maxBatchSize: Number(maxBatch),
      maxQueueDelayMs: Number(delay),
      maxQueueSize: 1024,
      niceIncrement: Number(nice),
    },
  ],
});
const row = () => ({
  x: {
    datatype: 'FP32' as const,
    shape: [1, MODEL.inputDim],
    data: new Float32Array(MODEL.inputDim).fill(0.1),
  },
});

/** One caller: a request, await the answer, the next request — like one HTTP connection. */
async function caller(until: number): Promise<number> {
  let n = 0;
  for (; performance.now() < until; n++) await app.inference.infer('bench', row());
  return n;
}

await caller(performance.now() + 500); // warm-up
const ms = Number(seconds) * 1000;
const start = performance.now();
const counts = await Promise.all(
  Array.from({ length: Number(concurrency) }, () => caller(start + ms)),
);
const rows = counts.reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ rps: (rows * 1000) / (performance.now() - start) }));
await app.close();
