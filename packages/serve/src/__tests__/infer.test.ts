import { affineModel, identityModel } from '@shipml/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../index.js';
import { fp32Input, metricValue, modelDir } from './helpers.js';

const dir = modelDir();
let app: FastifyInstance;

beforeAll(async () => {
  const path = dir.write('affine.onnx', affineModel(4));
  app = await createServer({
    models: [
      // A long queue delay so concurrent requests land in one batch.
      { name: 'affine', backend: 'onnx', path, maxBatchSize: 8, maxQueueDelayMs: 200 },
      // Two pool threads that sleep between ops instead of spinning (ModelConfig.spinThreads).
      {
        name: 'affine-solo',
        version: '3',
        backend: 'onnx',
        model: { id: 'affine', path },
        threadsPerWorker: 2,
        spinThreads: false,
      },
      // dim 0 is fixed at 1: not a batch dim, so requests must never be stacked.
      {
        name: 'fixed',
        backend: 'onnx',
        path: dir.write('fixed.onnx', identityModel('float32', [1, 2])),
        maxBatchSize: 8,
      },
    ],
  });
});
afterAll(() => app.close());

const infer = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object });

describe('POST /v2/models/{m}/infer', () => {
  it('runs an ONNX model read from its own metadata, echoing the id', async () => {
    const res = await infer('/v2/models/affine/infer', {
      id: 'req-1',
      inputs: [fp32Input([2, 4], [1, 2, 3, 4, 5, 6, 7, 8])],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      model_name: 'affine',
      model_version: '1',
      id: 'req-1',
      outputs: [
        { name: 'y', datatype: 'FP32', shape: [2, 4], data: [3, 5, 7, 9, 11, 13, 15, 17] },
        { name: 'sum', datatype: 'FP32', shape: [2, 1], data: [24, 56] },
      ],
    });
  });

  it('accepts nested data and filters outputs', async () => {
    const res = await infer('/v2/models/affine/versions/1/infer', {
      inputs: [{ name: 'x', shape: [1, 4], datatype: 'FP32', data: [[0, 1, 2, 3]] }],
      outputs: [{ name: 'sum' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().outputs).toEqual([
      { name: 'sum', datatype: 'FP32', shape: [1, 1], data: [16] },
    ]);
    expect(res.json()).not.toHaveProperty('id');
  });

  it('serves a model given as a resolved manifest entry, under its version, threads sleeping', async () => {
    const res = await infer('/v2/models/affine-solo/versions/3/infer', {
      inputs: [fp32Input([1, 4], [0, 0, 0, 0])],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().model_version).toBe('3');
    const wrong = await infer('/v2/models/affine-solo/versions/1/infer', {
      inputs: [fp32Input([1, 4], [0, 0, 0, 0])],
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('stacks concurrent requests into one batch and splits the answers back', async () => {
    const metric = async () => {
      const text = (await app.inject('/metrics')).body;
      return {
        inferences: metricValue(text, 'shipml_inference_count_total', 'affine'),
        executions: metricValue(text, 'shipml_execution_count_total', 'affine'),
      };
    };
    const before = await metric();
    const rows = [1, 2, 3, 4];
    const results = await Promise.all(
      rows.map((v) =>
        app.inference.infer('affine', {
          x: { datatype: 'FP32', shape: [1, 4], data: [v, v, v, v] },
        }),
      ),
    );
    results.forEach((r, i) => {
      expect(r.y!.shape).toEqual([1, 4]);
      expect(Array.from(r.y!.data as Float32Array)).toEqual(Array(4).fill(rows[i]! * 2 + 1));
      expect(Array.from(r.sum!.data as Float32Array)).toEqual([(rows[i]! * 2 + 1) * 4]);
    });
    const after = await metric();
    expect(after.inferences - before.inferences).toBe(4);
    expect(after.executions - before.executions).toBe(1);
  });

  it('does not batch requests whose non-batch dims differ, and answers each correctly', async () => {
    const [a, b] = await Promise.all([
      infer('/v2/models/affine/infer', { inputs: [fp32Input([1, 4], [1, 1, 1, 1])] }),
      infer('/v2/models/affine/infer', { inputs: [fp32Input([2, 4], [0, 0, 0, 0, 1, 1, 1, 1])] }),
    ]);
    expect(a.json().outputs[0].data).toEqual([3, 3, 3, 3]);
    expect(b.json().outputs[0].data).toEqual([1, 1, 1, 1, 3, 3, 3, 3]);
  });

  it('does not stack requests for a model whose dim 0 is not a batch dim', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((v) =>
        app.inference.infer('fixed', { input: { datatype: 'FP32', shape: [1, 2], data: [v, v] } }),
      ),
    );
    expect(results.map((r) => Array.from(r.output!.data as Float32Array))).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('leaves the caller’s typed arrays intact, unless asked to transfer them', async () => {
    const data = new Float32Array([1, 2, 3, 4]);
    await app.inference.infer('affine-solo', { x: { datatype: 'FP32', shape: [1, 4], data } });
    expect(Array.from(data)).toEqual([1, 2, 3, 4]);
    const moved = await app.inference.infer(
      'affine-solo',
      { x: { datatype: 'FP32', shape: [1, 4], data } },
      { transfer: true },
    );
    expect(Array.from(moved.y!.data as Float32Array)).toEqual([3, 5, 7, 9]);
    expect(data.byteLength).toBe(0); // detached: its buffer went to the worker
  });
});

describe('bad inference requests', () => {
  const cases: [string, unknown, number, RegExp][] = [
    [
      'wrong datatype',
      { inputs: [{ ...fp32Input([1, 4], [1, 2, 3, 4]), datatype: 'INT32' }] },
      400,
      /expected datatype FP32/,
    ],
    [
      'unknown datatype',
      { inputs: [{ ...fp32Input([1, 4], [1, 2, 3, 4]), datatype: 'FLOAT' }] },
      400,
      /unknown datatype/,
    ],
    [
      'element count mismatch',
      { inputs: [fp32Input([1, 4], [1, 2, 3])] },
      400,
      /needs 4 elements, got 3/,
    ],
    ['shape mismatch', { inputs: [fp32Input([1, 3], [1, 2, 3])] }, 400, /does not match \[-1,4\]/],
    ['rank mismatch', { inputs: [fp32Input([4], [1, 2, 3, 4])] }, 400, /does not match/],
    [
      'non-numeric data',
      { inputs: [fp32Input([1, 4], [1, 2, 'x' as unknown as number, 4])] },
      400,
      /not a valid FP32/,
    ],
    [
      'unknown input',
      { inputs: [fp32Input([1, 4], [1, 2, 3, 4]), fp32Input([1], [1], 'z')] },
      400,
      /no input 'z'/,
    ],
    ['missing input', { inputs: [] }, 400, /needs input 'x'/],
    [
      'duplicate input',
      { inputs: [fp32Input([1, 4], [1, 2, 3, 4]), fp32Input([1, 4], [1, 2, 3, 4])] },
      400,
      /given twice/,
    ],
    [
      'unknown output',
      { inputs: [fp32Input([1, 4], [1, 2, 3, 4])], outputs: [{ name: 'nope' }] },
      400,
      /no output 'nope'/,
    ],
    ['no inputs field', { id: 'x' }, 400, /inputs/],
    ['negative dim', { inputs: [fp32Input([-1, 4], [1, 2, 3, 4])] }, 400, /shape/],
  ];
  it.each(cases)('%s → %i', async (_name, payload, status, message) => {
    const res = await infer('/v2/models/affine/infer', payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatch(message);
  });

  it('unknown model → 404', async () => {
    const res = await infer('/v2/models/nope/infer', { inputs: [] });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: "Model 'nope' not found" });
  });

  it('bad deadline header → 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v2/models/affine/infer',
      headers: { 'x-shipml-deadline-ms': 'soon' },
      payload: { inputs: [fp32Input([1, 4], [1, 2, 3, 4])] },
    });
    expect(res.statusCode).toBe(400);
  });

  it('counts failures in the metrics', async () => {
    await infer('/v2/models/affine/infer', { inputs: [fp32Input([1, 4], [1])] });
    const text = (await app.inject('/metrics')).body;
    expect(text).toMatch(
      /shipml_requests_total\{model="affine",outcome="failure",status="400"\} [1-9]/,
    );
    expect(text).toMatch(
      /shipml_requests_total\{model="affine",outcome="success",status="200"\} [1-9]/,
    );
  });
});
