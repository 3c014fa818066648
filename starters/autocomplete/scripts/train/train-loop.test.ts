import { describe, expect, it } from 'vitest';
import { byteTokenizer } from './byte-tokenizer.js';
import type { GptConfig } from './gpt-config.js';
import { trainGpt, type TrainOptions } from './train-loop.js';

const config: GptConfig = {
  vocabSize: 257,
  nPositions: 16,
  nEmbd: 16,
  nLayer: 1,
  nHead: 2,
  layerNormEpsilon: 1e-5,
};
const tokens = byteTokenizer.encode('the cat sat on the mat. '.repeat(40));
const options = (o: Partial<TrainOptions>): TrainOptions => ({
  config,
  tokens,
  budget: { steps: 30 },
  batchSize: 4,
  seed: 1,
  adam: { peakLr: 1e-2, warmupSteps: 5, minLrRatio: 0.1, clipNorm: 1 },
  workers: 0,
  ...o,
});
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('training loop', () => {
  it('lowers the loss on repetitive text', async () => {
    const r = await trainGpt(options({}));
    expect(r.losses).toHaveLength(30);
    expect(mean(r.losses.slice(0, 3))).toBeGreaterThan(5); // ≈ ln(257) at the start
    expect(mean(r.losses.slice(-3))).toBeLessThan(mean(r.losses.slice(0, 3)) - 2);
  });

  it('is reproducible: the same seed gives the same weights, another seed does not', async () => {
    const short = { budget: { steps: 4 } };
    const [a, b, c] = await Promise.all([
      trainGpt(options({ ...short, seed: 7 })),
      trainGpt(options({ ...short, seed: 7 })),
      trainGpt(options({ ...short, seed: 8 })),
    ]);
    a.weights.forEach((w, i) => expect(w.data).toEqual(b.weights[i]!.data));
    expect(a.weights[0]!.data).not.toEqual(c.weights[0]!.data);
  });

  it('fixes the step count of a wall-clock budget after a short speed probe', async () => {
    const r = await trainGpt(options({ budget: { minutes: 0.01 } }));
    expect(r.steps).toBeGreaterThan(10);
    expect(r.losses).toHaveLength(r.steps);
  });

  it('gives the same result split across two worker threads', { timeout: 60_000 }, async () => {
    const short = { budget: { steps: 3 } };
    const [local, parallel] = [
      await trainGpt(options(short)),
      await trainGpt(options({ ...short, workers: 2 })),
    ];
    local.losses.forEach((l, i) => expect(parallel.losses[i]).toBeCloseTo(l, 4));
    local.weights.forEach((w, i) => {
      const other = parallel.weights[i]!.data;
      let diff = 0;
      w.data.forEach((x, j) => (diff = Math.max(diff, Math.abs(x - other[j]!))));
      expect(diff).toBeLessThan(1e-4);
    });
  });
});
