import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Tensor } from '../index.js';
import { metricValue, modelDir, slowModel } from './helpers.js';

const dir = modelDir();
let app: FastifyInstance;

const row = (): Record<string, Tensor> => ({
  x: { datatype: 'FP32', shape: [1, 8], data: new Float32Array(8).fill(0.5) },
});

beforeAll(async () => {
  // Tens of ms per execution on one thread: long enough for requests to queue behind a run.
  const path = dir.write('slow.onnx', slowModel());
  const slow = { backend: 'onnx' as const, path, workers: 1, threadsPerWorker: 1 };
  app = await createServer({
    models: [
      // A delay far longer than any test: a request that waited for it would time the test out.
      { name: 'patient', ...slow, maxBatchSize: 8, maxQueueDelayMs: 60_000 },
      { name: 'rejoin', ...slow, maxBatchSize: 2, maxQueueDelayMs: 5 },
    ],
  });
});
afterAll(() => app.close());

const counts = async (model: string) => {
  const text = (await app.inject('/metrics')).body;
  return {
    inferences: metricValue(text, 'shipml_inference_count_total', model),
    executions: metricValue(text, 'shipml_execution_count_total', model),
  };
};

/** Resolves with 'timeout' if `work` has not settled after `ms`. */
const within = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);

describe('dynamic batching', () => {
  it('runs a lone request at once instead of holding it for maxQueueDelayMs', async () => {
    for (let i = 0; i < 3; i++) {
      const out = await within(app.inference.infer('patient', row()), 4000);
      expect(out).not.toBe('timeout');
    }
  });

  it('batches requests made together, even from an idle start', async () => {
    const before = await counts('patient');
    const results = await within(
      Promise.all(Array.from({ length: 5 }, () => app.inference.infer('patient', row()))),
      4000,
    );
    expect(results).not.toBe('timeout');
    const after = await counts('patient');
    expect(after.inferences - before.inferences).toBe(5);
    expect(after.executions - before.executions).toBe(1);
  });

  it('lets a client whose batch just finished rejoin the next batch', async () => {
    // Two clients in a closed loop, the second a moment behind the first. Each time the worker
    // comes free, one client's request is queued and the other's is on its way back: the
    // worker waits for it (up to maxQueueDelayMs from coming free) rather than running the
    // queued request alone, even though that one has already waited longer than the delay.
    const before = await counts('rejoin');
    const client = async (startMs: number) => {
      await new Promise((r) => setTimeout(r, startMs));
      for (let i = 0; i < 4; i++) await app.inference.infer('rejoin', row());
    };
    await Promise.all([client(0), client(5)]);
    const after = await counts('rejoin');
    expect(after.inferences - before.inferences).toBe(8);
    // Alone, the two clients would take turns: 8 executions. Rejoining pairs them up.
    expect(after.executions - before.executions).toBeLessThanOrEqual(5);
  });
});
