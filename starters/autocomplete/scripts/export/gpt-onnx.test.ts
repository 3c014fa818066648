import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrtGpt, type OrtGpt } from '../eval/ort-gpt.js';
import { END_OF_TEXT_ID, VOCAB_SIZE } from '../train/byte-tokenizer.js';
import type { GptConfig } from '../train/gpt-config.js';
import { gptLogits } from '../train/gpt-model.js';
import { useWasmBackend } from '../train/tf-backend.js';
import { toTensors } from '../train/weight-tensors.js';
import { initWeights, type GptWeights } from '../train/weights.js';
import { readModelFolder, writeModelFolder } from './model-folder.js';

const config: GptConfig = {
  vocabSize: VOCAB_SIZE,
  nPositions: 24,
  nEmbd: 32,
  nLayer: 2,
  nHead: 2,
  layerNormEpsilon: 1e-5,
};
const V = config.vocabSize;

/** Random weights with non-trivial LayerNorm gains and biases, so every parameter matters. */
function randomWeights(): GptWeights {
  const w = initWeights(config, 42);
  const noise = initWeights({ ...config }, 43);
  return w.map((p, i) => ({
    ...p,
    data: p.data.map((x, j) => (p.shape.length === 1 ? x + noise[i]!.data[j]! * 10 : x * 3)),
  }));
}

/** tfjs logits of one unpadded sequence: [seq, vocab] flattened. */
function tfjsLogits(weights: GptWeights, ids: number[]): Float32Array {
  return tf.tidy(() => {
    const t = toTensors(weights);
    return gptLogits(
      config,
      t,
      tf.tensor1d(ids, 'int32'),
      1,
      ids.length,
    ).dataSync() as Float32Array;
  });
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const rows = (t: { data: unknown }, from: number, to: number) =>
  (t.data as Float32Array).slice(from * V, to * V);

describe('ONNX export', () => {
  let dir: string;
  let weights: GptWeights;
  let model: OrtGpt;
  const prompt = [72, 101, 108, 108, 111, 44, 32, 119, 195, 182, 114, 108, 100, 33, 10, 256, 65];

  beforeAll(async () => {
    await useWasmBackend();
    dir = await mkdtemp(join(tmpdir(), 'gpt-onnx-'));
    weights = randomWeights();
    await writeModelFolder(dir, config, weights);
    model = await loadOrtGpt(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives the tfjs model logits for a full prompt', async () => {
    const expected = tfjsLogits(weights, prompt);
    const { logits } = await model.run({
      inputIds: [prompt],
      attentionMask: [prompt.map(() => 1)],
      positionIds: [prompt.map((_, i) => i)],
    });
    expect(logits.dims).toEqual([1, prompt.length, V]);
    expect(maxDiff(logits.data as Float32Array, expected)).toBeLessThan(1e-4);
    expect(Math.max(...expected) - Math.min(...expected)).toBeGreaterThan(5); // logits are not flat
  });

  it('gives the same logits decoding incrementally with the KV cache', async () => {
    const expected = tfjsLogits(weights, prompt);
    const split = 10;
    let r = await model.run({
      inputIds: [prompt.slice(0, split)],
      attentionMask: [new Array(split).fill(1)],
      positionIds: [[...Array(split).keys()]],
    });
    expect(maxDiff(rows(r.logits, 0, split), expected.slice(0, split * V))).toBeLessThan(1e-4);
    for (let i = split; i < prompt.length; i++) {
      r = await model.run({
        inputIds: [[prompt[i]!]],
        attentionMask: [new Array(i + 1).fill(1)],
        positionIds: [[i]],
        past: r.present,
      });
      expect(r.present['present.0.key']!.dims).toEqual([1, 2, i + 1, 16]);
      expect(maxDiff(rows(r.logits, 0, 1), expected.slice(i * V, (i + 1) * V))).toBeLessThan(1e-4);
    }
  });

  it('masks left padding in a batch of different lengths', async () => {
    const a = prompt.slice(0, 12);
    const b = prompt.slice(3, 8); // 5 tokens, left-padded by 7
    const pad = a.length - b.length;
    const padded = [...new Array(pad).fill(END_OF_TEXT_ID), ...b];
    const maskB = [...new Array(pad).fill(0), ...b.map(() => 1)];
    const posB = [...new Array(pad).fill(1), ...b.map((_, i) => i)]; // as transformers.js fills them
    const r = await model.run({
      inputIds: [a, padded],
      attentionMask: [a.map(() => 1), maskB],
      positionIds: [a.map((_, i) => i), posB],
    });
    const data = r.logits.data as Float32Array;
    expect(maxDiff(data.subarray(0, a.length * V), tfjsLogits(weights, a))).toBeLessThan(1e-4);
    const bRows = data.subarray((a.length + pad) * V, 2 * a.length * V);
    expect(maxDiff(bRows, tfjsLogits(weights, b))).toBeLessThan(1e-4);

    // One more decode step for both rows through the cache: padding stays masked.
    const next = [65, 66];
    const step = await model.run({
      inputIds: [[next[0]!], [next[1]!]],
      attentionMask: [
        [...a.map(() => 1), 1],
        [...maskB, 1],
      ],
      positionIds: [[a.length], [b.length]],
      past: r.present,
    });
    const stepData = step.logits.data as Float32Array;
    expect(
      maxDiff(
        stepData.subarray(0, V),
        tfjsLogits(weights, [...a, next[0]!]).subarray(a.length * V),
      ),
    ).toBeLessThan(1e-4);
    expect(
      maxDiff(
        stepData.subarray(V, 2 * V),
        tfjsLogits(weights, [...b, next[1]!]).subarray(b.length * V),
      ),
    ).toBeLessThan(1e-4);
  });

  it('reads the weights back from the folder', async () => {
    const back = await readModelFolder(dir);
    expect(back.config).toEqual(config);
    back.weights.forEach((w, i) => expect(w.data).toEqual(weights[i]!.data));
  });
});
