import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { affineModel } from '@shipml/test-utils';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createServer, shipmlServe } from '../index.js';
import { modelDir } from './helpers.js';

const dir = modelDir();

/** Saves a tfjs layers model the way tfjs does on disk: model.json + one weights shard. */
async function saveLayersModel(model: tf.LayersModel, path: string): Promise<void> {
  mkdirSync(path, { recursive: true });
  await model.save({
    save: async (artifacts) => {
      const weights = artifacts.weightData as ArrayBuffer;
      writeFileSync(join(path, 'weights.bin'), new Uint8Array(weights));
      writeFileSync(
        join(path, 'model.json'),
        JSON.stringify({
          format: 'layers-model',
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
        }),
      );
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
  });
}

/** A GraphDef dimension list in the JSON form tfjs graph models use: sizes are strings. */
function dims(shape: number[]) {
  return { dim: shape.map((d) => ({ size: String(d) })) };
}

/**
 * Writes by hand the graph model a TF → tfjs conversion of `y = x · w + b` would produce:
 * `model.json` holds the GraphDef nodes; the Const nodes' values live in `weights.bin`.
 */
function writeGraphModel(path: string, w: number[][], b: number[]): void {
  const float = { type: 'DT_FLOAT' };
  const constant = (name: string, shape: number[]) => ({
    name,
    op: 'Const',
    attr: { dtype: float, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: dims(shape) } } },
  });
  const wShape = [w.length, w[0]!.length];
  const nodes = [
    { name: 'x', op: 'Placeholder', attr: { dtype: float, shape: { shape: dims([-1, 2]) } } },
    constant('w', wShape),
    constant('b', [b.length]),
    { name: 'matmul', op: 'MatMul', input: ['x', 'w'], attr: { T: float } },
    { name: 'add', op: 'AddV2', input: ['matmul', 'b'], attr: { T: float } },
    { name: 'y', op: 'Identity', input: ['add'] },
  ];
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'weights.bin'), new Float32Array([...w.flat(), ...b]));
  writeFileSync(
    join(path, 'model.json'),
    JSON.stringify({
      format: 'graph-model',
      modelTopology: { node: nodes, versions: { producer: 1 } },
      weightsManifest: [
        {
          paths: ['weights.bin'],
          weights: [
            { name: 'w', shape: wShape, dtype: 'float32' },
            { name: 'b', shape: [b.length], dtype: 'float32' },
          ],
        },
      ],
    }),
  );
}

describe('tfjs backend', () => {
  it('serves a layers model from a directory', async () => {
    // y = x · [[1], [2], [3]] + 0.5
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 1, inputShape: [3], name: 'out' })],
    });
    model.setWeights([tf.tensor2d([[1], [2], [3]]), tf.tensor1d([0.5])]);
    const path = join(dir.path, 'dense');
    await saveLayersModel(model, path);

    const app = await createServer({
      models: [{ name: 'dense', backend: 'tfjs', path, maxBatchSize: 4 }],
    });
    try {
      const meta = (await app.inject('/v2/models/dense')).json();
      expect(meta.platform).toBe('tensorflow_tfjs');
      expect(meta.inputs).toEqual([{ name: expect.any(String), datatype: 'FP32', shape: [-1, 3] }]);
      const input = meta.inputs[0].name as string;
      const res = await app.inject({
        method: 'POST',
        url: '/v2/models/dense/infer',
        payload: {
          inputs: [{ name: input, datatype: 'FP32', shape: [2, 3], data: [1, 1, 1, 0, 0, 1] }],
        },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().outputs[0]).toMatchObject({
        datatype: 'FP32',
        shape: [2, 1],
        data: [6.5, 3.5],
      });
    } finally {
      await app.close();
    }
  });

  it('serves a graph model from a directory', async () => {
    // y = x · [[1, 2], [3, 4]] + [0.5, -1]
    const path = join(dir.path, 'graph');
    writeGraphModel(
      path,
      [
        [1, 2],
        [3, 4],
      ],
      [0.5, -1],
    );

    const app = await createServer({
      models: [{ name: 'graph', backend: 'tfjs', path, maxBatchSize: 4 }],
    });
    try {
      const meta = (await app.inject('/v2/models/graph')).json();
      expect(meta.platform).toBe('tensorflow_graphdef');
      expect(meta.inputs).toEqual([{ name: 'x', datatype: 'FP32', shape: [-1, 2] }]);
      expect(meta.outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [-1, 2] }]);

      const infer = (shape: number[], data: number[]) =>
        app.inject({
          method: 'POST',
          url: '/v2/models/graph/infer',
          payload: { inputs: [{ name: 'x', datatype: 'FP32', shape, data }] },
        });
      const res = await infer([2, 2], [1, 0, 1, 1]);
      expect(res.statusCode).toBe(200);
      expect(res.json().outputs).toEqual([
        { name: 'y', datatype: 'FP32', shape: [2, 2], data: [1.5, 1, 4.5, 5] },
      ]);
      // The placeholder's fixed dim is checked before the graph runs.
      expect((await infer([1, 3], [1, 2, 3])).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});

describe('readiness', () => {
  it('is not ready while models load, ready once warmed up, not ready while draining', async () => {
    const app = Fastify();
    await app.register(shipmlServe, {
      waitForModels: false,
      docs: false,
      models: [{ name: 'affine', backend: 'onnx', path: dir.write('a.onnx', affineModel(4)) }],
    });
    await app.ready();
    const first = await app.inject('/v2/health/ready');
    expect(first.statusCode).toBe(503);
    expect(first.headers['retry-after']).toBe('1');
    expect((await app.inject('/v2/models/affine/ready')).json()).toEqual({
      name: 'affine',
      ready: false,
    });
    // A request for a model that is still loading waits for it.
    const early = app.inject({
      method: 'POST',
      url: '/v2/models/affine/infer',
      payload: { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4], data: [1, 2, 3, 4] }] },
    });
    expect((await early).statusCode).toBe(200);

    await expect
      .poll(async () => (await app.inject('/v2/health/ready')).statusCode, { timeout: 30_000 })
      .toBe(200);
    expect((await app.inject('/v2/models/affine/ready')).json()).toEqual({
      name: 'affine',
      ready: true,
    });

    app.inference.drain();
    expect((await app.inject('/v2/health/ready')).statusCode).toBe(503);
    expect((await app.inject('/v2/health/live')).statusCode).toBe(200);
    await app.close();
  });

  it('fails loudly when a model cannot load', async () => {
    const path = dir.write('broken.onnx', new Uint8Array([1, 2, 3]));
    await expect(
      createServer({ models: [{ name: 'broken', backend: 'onnx', path }] }),
    ).rejects.toThrow(/Model 'broken' failed to load/);
  });

  it('keeps booting past fastify’s plugin timeout and reports not ready until loaded', async () => {
    const app = Fastify({ pluginTimeout: 1000 }); // budget 0 ms: loading goes on in the background
    await app.register(shipmlServe, {
      docs: false,
      models: [{ name: 'affine', backend: 'onnx', path: dir.write('b.onnx', affineModel(4)) }],
    });
    await app.ready();
    expect((await app.inject('/v2/health/ready')).statusCode).toBe(503);
    await expect
      .poll(async () => (await app.inject('/v2/health/ready')).statusCode, { timeout: 30_000 })
      .toBe(200);
    await app.close();
  });

  it('rejects bad model configs', async () => {
    await expect(
      createServer({ models: [{ name: 'x', backend: 'onnx', path: 'relative.onnx' }] }),
    ).rejects.toThrow(/absolute/);
    await expect(
      createServer({ models: [{ name: 'bad name', backend: 'onnx', path: '/x.onnx' }] }),
    ).rejects.toThrow(/must match/);
    await expect(
      createServer({
        models: [{ name: 'x', backend: 'onnx', path: '/x.onnx', spinThreads: 'no' as never }],
      }),
    ).rejects.toThrow(/spinThreads must be true or false/);
  });
});
