import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClientClosedError,
  createServer,
  DeadlineExceededError,
  QueueFullError,
  type Tensor,
} from '../index.js';
import { metricValue, modelDir, slowModel } from './helpers.js';

const dir = modelDir();
let app: FastifyInstance;

// ~tens of ms per inference on one thread: long enough that queued requests really wait.
const x = (): Record<string, Tensor> => ({
  x: { datatype: 'FP32', shape: [1, 8], data: new Float32Array(8) },
});

beforeAll(async () => {
  const path = dir.write('slow.onnx', slowModel());
  const slow = { backend: 'onnx' as const, path, workers: 1, threadsPerWorker: 1 };
  app = await createServer({
    models: [
      { name: 'bounded', ...slow, maxQueueSize: 2 },
      { name: 'deadlines', ...slow },
      { name: 'fresh', ...slow },
      { name: 'cancel', ...slow },
    ],
  });
});
afterAll(() => app.close());

const executions = async (model: string) =>
  metricValue((await app.inject('/metrics')).body, 'shipml_execution_count_total', model);

describe('admission control', () => {
  it('rejects beyond the queue bound with 503 and Retry-After', async () => {
    // Admission is decided synchronously: one runs, two wait, the rest are turned away.
    const calls = Array.from({ length: 5 }, () => app.inference.infer('bounded', x()));
    const results = await Promise.allSettled(calls);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
    ]);
    const err = (results[3] as PromiseRejectedResult).reason as QueueFullError;
    expect(err).toBeInstanceOf(QueueFullError);
    expect(err.statusCode).toBe(503);
    expect(Number(err.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('answers 503 + Retry-After over HTTP when the queue is full', async () => {
    const payload = {
      inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 8], data: Array(8).fill(0) }],
    };
    const res = await Promise.all(
      Array.from({ length: 6 }, () =>
        app.inject({ method: 'POST', url: '/v2/models/bounded/infer', payload }),
      ),
    );
    const rejected = res.filter((r) => r.statusCode === 503);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]!.headers['retry-after']).toMatch(/^\d+$/);
    expect(rejected[0]!.json().error).toMatch(/overloaded/);
    expect(res.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(3);
  });

  it('rejects at once a deadline the queue cannot meet (504)', async () => {
    await app.inference.infer('deadlines', x()); // times one execution
    const running = app.inference.infer('deadlines', x());
    const before = await executions('deadlines');
    await expect(app.inference.infer('deadlines', x(), { deadlineMs: 1 })).rejects.toBeInstanceOf(
      DeadlineExceededError,
    );
    await running;
    expect(await executions('deadlines')).toBe(before + 1);
  });

  it('drops a queued request whose deadline passes while it waits (504)', async () => {
    // No execution timed yet on this model, so admission cannot foresee the wait.
    const running = app.inference.infer('fresh', x());
    const late = app.inference.infer('fresh', x(), { deadlineMs: 5 });
    await expect(late).rejects.toMatchObject({ statusCode: 504 });
    await running;
  });

  it('the deadline header works over HTTP', async () => {
    const payload = {
      inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 8], data: Array(8).fill(0) }],
    };
    const running = app.inject({ method: 'POST', url: '/v2/models/deadlines/infer', payload });
    const res = await app.inject({
      method: 'POST',
      url: '/v2/models/deadlines/infer',
      headers: { 'x-shipml-deadline-ms': '1' },
      payload,
    });
    expect(res.statusCode).toBe(504);
    expect(res.json()).toEqual({ error: expect.stringMatching(/[Dd]eadline/) });
    expect((await running).statusCode).toBe(200);
  });

  it('an aborted request leaves the queue and never runs', async () => {
    const before = await executions('cancel');
    const running = app.inference.infer('cancel', x());
    const controller = new AbortController();
    const queued = app.inference.infer('cancel', x(), { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(ClientClosedError);
    await running;
    expect(await executions('cancel')).toBe(before + 1);
  });
});
