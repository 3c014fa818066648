import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRandom } from '@shipml/random';
import {
  affineModel,
  buildOnnxModel,
  getFreePort,
  waitForHttp,
  type OnnxInitializer,
} from '@shipml/test-utils';
import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../index.js';
import { fuseGraph } from '../onnx.js';
import { fusedMessage } from '../served-model.js';
import { modelDir } from './helpers.js';

const IN = 4;
const MID = 8;
const OUT = 5;

interface BlockOptions {
  opset?: number;
  /** Kernel of the last convolution: 1×1 without padding, or 3×3 padded. */
  tail?: '1x1' | '3x3';
  /** Also return the first convolution's raw output, so it is read twice. */
  exposeConv?: boolean;
  /** Upper bound of the written-out hard-swish's Clip (6 for a real one). */
  clipMax?: number;
  /** Scale the first convolution per channel ([1, C, 1, 1]) instead of by one number. */
  perChannelScale?: boolean;
}

/**
 * One convolution block as PaddlePaddle exports PP-LCNet's: conv 3×3 → scale and shift by
 * scalars → hard-swish as Add/Clip/Mul/Div → scale and shift → conv.
 */
function blockModel(opts: BlockOptions = {}): Uint8Array {
  const { opset = 13, tail = '1x1', exposeConv = false, clipMax = 6, perChannelScale = false } = opts; // prettier-ignore
  const random = createRandom(7);
  const values = (n: number) => new Float32Array(n).map(() => random.range(-1, 1));
  const k = tail === '1x1' ? 1 : 3;
  const scalar = (name: string, v: number, dims = [1]): OnnxInitializer => ({ name, dims, data: new Float32Array([v]) }); // prettier-ignore
  const initializers: OnnxInitializer[] = [
    { name: 'w1', dims: [MID, IN, 3, 3], data: values(MID * IN * 9) },
    { name: 'b1', dims: [MID], data: values(MID) },
    perChannelScale ? { name: 'a', dims: [1, MID, 1, 1], data: values(MID) } : scalar('a', 1.7),
    scalar('b', -0.3),
    scalar('three', 3, []),
    scalar('zero', 0, []),
    scalar('max', clipMax, []),
    scalar('six', 6, []),
    scalar('c', 0.8),
    scalar('d', 0.25),
    { name: 'w2', dims: [OUT, MID, k, k], data: values(OUT * MID * k * k) },
    { name: 'b2', dims: [OUT], data: values(OUT) },
  ];
  const outputs = [{ name: 'y', type: 'float32' as const, shape: [1, OUT, 6, 6] }];
  if (exposeConv) outputs.push({ name: 'c1', type: 'float32', shape: [1, MID, 6, 6] });
  return buildOnnxModel({
    inputs: [{ name: 'x', type: 'float32', shape: [1, IN, 6, 6] }],
    outputs,
    initializers,
    nodes: [
      { op: 'Conv', inputs: ['x', 'w1', 'b1'], outputs: ['c1'], attributes: { pads: [1, 1, 1, 1] } }, // prettier-ignore
      { op: 'Mul', inputs: ['a', 'c1'], outputs: ['m1'] },
      { op: 'Add', inputs: ['m1', 'b'], outputs: ['a1'] },
      { op: 'Add', inputs: ['a1', 'three'], outputs: ['h1'] },
      { op: 'Clip', inputs: ['h1', 'zero', 'max'], outputs: ['h2'] },
      { op: 'Mul', inputs: ['a1', 'h2'], outputs: ['h3'] },
      { op: 'Div', inputs: ['h3', 'six'], outputs: ['hs'] },
      { op: 'Mul', inputs: ['hs', 'c'], outputs: ['m2'] },
      { op: 'Add', inputs: ['m2', 'd'], outputs: ['a2'] },
      { op: 'Conv', inputs: ['a2', 'w2', 'b2'], outputs: ['y'], attributes: { pads: tail === '1x1' ? [0, 0, 0, 0] : [1, 1, 1, 1] } }, // prettier-ignore
    ],
    opset,
  });
}

/** Values of x spread over hard-swish's three pieces (below −3, between, above 3). */
const x = new Float32Array(IN * 36).map((_, i) => ((i * 37) % 101) / 101 * 10 - 5); // prettier-ignore

async function run(model: Uint8Array): Promise<Record<string, Float32Array>> {
  const session = await ort.InferenceSession.create(model);
  const out = await session.run({ x: new ort.Tensor('float32', x, [1, IN, 6, 6]) });
  await session.release();
  return Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.data as Float32Array]));
}

/** Largest |a − b| relative to the largest |a| (1e-5 is float32 rounding over a few ops). */
function relativeError(a: Float32Array, b: Float32Array): number {
  const scale = Math.max(...a.map(Math.abs));
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) / scale;
}

const ops = (model: Uint8Array) =>
  onnxProto.onnx.ModelProto.decode(model).graph!.node!.map((n) => n.opType);

describe('fuseGraph', () => {
  it('folds a block into conv, hard-swish, conv, and computes the same', async () => {
    const model = blockModel();
    const { model: fused, fused: counts } = fuseGraph(model);
    expect(counts).toEqual({ scaleShiftAfterConv: 1, hardSwish: 1, scaleShiftBeforeConv: 1 });
    expect(ops(fused)).toEqual(['Conv', 'HardSigmoid', 'Mul', 'Conv']);
    const [before, after] = [await run(model), await run(fused)];
    expect(relativeError(before.y!, after.y!)).toBeLessThan(1e-5);
    expect(relativeError(before.y!, new Float32Array(before.y!.length))).toBe(1); // not all zero
    // Nothing the new graph no longer reads is left in the file.
    const names = onnxProto.onnx.ModelProto.decode(fused).graph!.initializer!.map((t) => t.name);
    expect(names).toHaveLength(4);
  });

  it('uses the HardSwish op from opset 14 on', async () => {
    const model = blockModel({ opset: 14 });
    const { model: fused } = fuseGraph(model);
    expect(ops(fused)).toEqual(['Conv', 'HardSwish', 'Conv']);
    expect(relativeError((await run(model)).y!, (await run(fused)).y!)).toBeLessThan(1e-5);
  });

  it('leaves a value that is read twice (here also a graph output) as it is', async () => {
    const model = blockModel({ exposeConv: true });
    const { model: fused, fused: counts } = fuseGraph(model);
    expect(counts.scaleShiftAfterConv).toBe(0);
    const [before, after] = [await run(model), await run(fused)];
    expect(relativeError(before.c1!, after.c1!)).toBe(0);
    expect(relativeError(before.y!, after.y!)).toBeLessThan(1e-5);
  });

  it('does not fold a shift into a padded convolution (its border would change)', async () => {
    const model = blockModel({ tail: '3x3' });
    const { model: fused, fused: counts } = fuseGraph(model);
    expect(counts).toEqual({ scaleShiftAfterConv: 1, hardSwish: 1, scaleShiftBeforeConv: 0 });
    expect(relativeError((await run(model)).y!, (await run(fused)).y!)).toBeLessThan(1e-5);
  });

  it('leaves a Clip that is not hard-swish, and a per-channel scale, alone', async () => {
    expect(fuseGraph(blockModel({ clipMax: 5 })).fused.hardSwish).toBe(0);
    const perChannel = blockModel({ perChannelScale: true });
    const { model: fused, fused: counts } = fuseGraph(perChannel);
    expect(counts.scaleShiftAfterConv).toBe(0);
    expect(relativeError((await run(perChannel)).y!, (await run(fused)).y!)).toBeLessThan(1e-5);
  });

  it('hands back the same bytes when there is nothing to rewrite', () => {
    const model = affineModel(4);
    const result = fuseGraph(model);
    expect(result.model).toBe(model);
    expect(result.fused).toEqual({ scaleShiftAfterConv: 0, hardSwish: 0, scaleShiftBeforeConv: 0 });
  });
});

describe('ModelConfig.fuseGraph', () => {
  const dir = modelDir();
  let app: Awaited<ReturnType<typeof createServer>>;
  beforeAll(async () => {
    const path = dir.write('block.onnx', blockModel());
    app = await createServer({
      models: [
        { name: 'plain', backend: 'onnx', path },
        { name: 'fused', backend: 'onnx', path, fuseGraph: true },
      ],
    });
  });
  afterAll(() => app.close());

  it('serves the rewritten graph, with the same answers', async () => {
    const input = { name: 'x', shape: [1, IN, 6, 6], datatype: 'FP32', data: [...x] };
    const answer = async (model: string) => {
      const res = await app.inject({ method: 'POST', url: `/v2/models/${model}/infer`, payload: { inputs: [input] } }); // prettier-ignore
      expect(res.statusCode).toBe(200);
      return Float32Array.from(res.json<{ outputs: { data: number[] }[] }>().outputs[0]!.data);
    };
    expect(relativeError(await answer('plain'), await answer('fused'))).toBeLessThan(1e-5);
  });

  it('must be true or false', async () => {
    await expect(
      createServer({
        models: [{ name: 'x', backend: 'onnx', path: '/x.onnx', fuseGraph: 'yes' as never }],
      }),
    ).rejects.toThrow(/fuseGraph must be true or false/);
  });

  it('says which file is not an ONNX model', async () => {
    const path = dir.write('not-onnx.onnx', new TextEncoder().encode('<html>not found</html>'));
    await expect(
      createServer({ models: [{ name: 'broken', backend: 'onnx', path, fuseGraph: true }] }),
    ).rejects.toThrow(/not-onnx\.onnx/);
  });
});

describe('what the log says', () => {
  it('counts the rewrites, or says there were none', () => {
    expect(
      fusedMessage('det', { scaleShiftAfterConv: 28, hardSwish: 24, scaleShiftBeforeConv: 10 }),
    ).toBe(
      "model 'det': fuseGraph folded 38 scale/shift chain(s) into convolutions and replaced 24 written-out hard-swish(es)",
    );
    expect(
      fusedMessage('mlp', { scaleShiftAfterConv: 0, hardSwish: 0, scaleShiftBeforeConv: 0 }),
    ).toBe("model 'mlp': fuseGraph found nothing to rewrite");
  });
});

describe('shipml-serve --fuse-graph', () => {
  const dir = modelDir();
  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

  it('loads the .onnx models fused, says what it did, and serves the same answers', async () => {
    const path = dir.write('block.onnx', blockModel());
    const port = await getFreePort();
    const args = [cli, '--model', `block=${path}`, '--fuse-graph', '--port', String(port), '--host', '127.0.0.1']; // prettier-ignore
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHttp(`${base}/v2/health/ready`, 30_000, () =>
        child.exitCode === null ? undefined : `exited ${child.exitCode}: ${output}`,
      );
      expect(output).toContain(
        "model 'block': fuseGraph folded 2 scale/shift chain(s) into convolutions and replaced 1 written-out hard-swish(es)",
      );
      const res = await fetch(`${base}/v2/models/block/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ inputs: [{ name: 'x', shape: [1, IN, 6, 6], datatype: 'FP32', data: [...x] }] }), // prettier-ignore
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { outputs: { data: number[] }[] };
      const served = Float32Array.from(body.outputs[0]!.data);
      expect(relativeError((await run(blockModel())).y!, served)).toBeLessThan(1e-5);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
