/**
 * Setup (c): @shipml/serve. Args: modelPath port workers threadsPerWorker maxBatchSize maxQueueDelayMs niceIncrement.
 */
import { createServer } from './built.js';

const [modelPath, port, workers, threads, maxBatch, delay, nice] = process.argv.slice(2);
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
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
