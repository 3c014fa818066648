import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@shipml/random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeModelFolder } from '../export/model-folder.js';
import { VOCAB_SIZE } from '../train/byte-tokenizer.js';
import type { GptConfig } from '../train/gpt-config.js';
import { initWeights } from '../train/weights.js';
import { ByteBigram } from './byte-bigram.js';
import { modelPerplexity } from './model-perplexity.js';
import { loadOrtGpt, type OrtGpt } from './ort-gpt.js';

describe('byte bigram baseline', () => {
  const text = Array.from('abcabcabd'.repeat(20), (ch) => ch.charCodeAt(0));

  it('is a probability distribution for seen and unseen contexts', () => {
    const bigram = ByteBigram.fit(text, VOCAB_SIZE);
    for (const prev of [97, 98, 100, 0]) {
      let sum = 0;
      for (let w = 0; w < VOCAB_SIZE; w++) sum += bigram.prob(prev, w);
      expect(sum).toBeCloseTo(1, 10);
    }
    expect(bigram.prob(97, 98)).toBeGreaterThan(0.9); // 'a' is always followed by 'b'
  });

  it('scores predictable text far below the uniform perplexity', () => {
    const bigram = ByteBigram.fit(text, VOCAB_SIZE);
    expect(bigram.perplexity(text)).toBeLessThan(2);
    const rng = createRandom(3);
    expect(
      bigram.perplexity(Array.from({ length: 500 }, () => rng.int(VOCAB_SIZE))),
    ).toBeGreaterThan(VOCAB_SIZE);
  });
});

describe('model perplexity with sliding windows', () => {
  const config: GptConfig = {
    vocabSize: VOCAB_SIZE,
    nPositions: 16,
    nEmbd: 16,
    nLayer: 1,
    nHead: 2,
    layerNormEpsilon: 1e-5,
  };
  let dir: string;
  let model: OrtGpt;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gpt-ppl-'));
    await writeModelFolder(dir, config, initWeights(config, 5));
    model = await loadOrtGpt(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('scores every token once, and an untrained model is near uniform', async () => {
    const rng = createRandom(4);
    for (const n of [2, 17, 40, 101]) {
      const tokens = Array.from({ length: n }, () => rng.int(256));
      const r = await modelPerplexity(model, tokens);
      expect(r.tokens).toBe(n - 1);
      // Initial weights (std 0.02) give nearly flat logits: perplexity ≈ vocabulary size.
      expect(r.perplexity).toBeGreaterThan(VOCAB_SIZE * 0.9);
      expect(r.perplexity).toBeLessThan(VOCAB_SIZE * 1.1);
    }
  });
});
