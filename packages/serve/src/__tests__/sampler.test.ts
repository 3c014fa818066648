import { createRandom } from '@shipml/random';
import { describe, expect, it } from 'vitest';
import {
  Sampler,
  logSumExp,
  topIndices,
  type SamplingParams,
} from '../worker/causal-lm/sampler.js';
import { TokenRanking } from '../worker/causal-lm/token-ranking.js';

/**
 * The straightforward sampler: rank candidates by sorting (widened until they hold top_p of
 * the mass), weigh, keep the top-p prefix, draw. Sampler must pick exactly what this picks.
 * Both draw from the same seeded stream (@shipml/random, whose own tests pin its numbers), so
 * what this compares is the ranking, weighing and walking, not the generator.
 */
class ReferenceSampler {
  private readonly random: () => number;
  constructor(private readonly params: SamplingParams) {
    this.random = createRandom(params.seed).next;
  }

  pick(logits: Float32Array): { id: number; logprob: number } {
    const lse = logSumExp(logits);
    const id = this.params.temperature === 0 ? topIndices(logits, 1)[0]! : this.sample(logits);
    return { id, logprob: logits[id]! - lse };
  }

  private sample(logits: Float32Array): number {
    const { temperature, topK, topP } = this.params;
    let k = topK > 0 ? topK : Math.min(64, logits.length);
    for (;;) {
      const ids = topIndices(logits, k);
      const max = logits[ids[0]!]!;
      const weights = ids.map((i) => Math.exp((logits[i]! - max) / temperature));
      let all = 0;
      if (topK > 0) for (const w of weights) all += w;
      else for (const v of logits) all += Math.exp((v - max) / temperature);
      for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! / all;
      let mass = 0;
      let keep = 0;
      while (keep < weights.length && mass < topP) mass += weights[keep++]!;
      if (mass >= topP || topK > 0 || ids.length === logits.length) {
        let r = this.random() * mass;
        for (let i = 0; i < keep; i++) {
          r -= weights[i]!;
          if (r < 0) return ids[i]!;
        }
        return ids[keep - 1]!;
      }
      k = Math.min(logits.length, k * 4);
    }
  }
}

/** Logits from `random`: spread, with ties, a few -Infinity and a peaked or flat shape. */
function randomLogits(random: () => number, vocab: number): Float32Array {
  const scale = random() < 0.5 ? 2 : 12;
  const logits = Float32Array.from({ length: vocab }, () => (random() - 0.5) * scale);
  for (let i = 0; i < vocab / 10; i++) {
    const at = Math.floor(random() * vocab);
    logits[at] = logits[Math.floor(random() * vocab)]!; // ties
  }
  if (random() < 0.3) logits[Math.floor(random() * vocab)] = -Infinity;
  if (random() < 0.2) logits.fill(0.25, 0, Math.floor(vocab / 3)); // many equal leaders
  return logits;
}

describe('Sampler', () => {
  it('picks exactly what the straightforward sort-and-draw reference picks, seed by seed', () => {
    const random = createRandom(2024).next;
    const settings: Omit<SamplingParams, 'seed'>[] = [];
    for (const temperature of [0, 0.3, 1, 1.7])
      for (const topK of [0, 1, 7, 64, 300, 100_000])
        for (const topP of [0.05, 0.5, 0.9, 0.999, 1]) settings.push({ temperature, topK, topP });
    let compared = 0;
    for (const vocab of [2, 50, 257, 3000]) {
      for (const s of settings) {
        for (let seed = 0; seed < (vocab > 1000 ? 2 : 6); seed++) {
          const params = { ...s, seed: seed * 7919 + vocab };
          const fast = new Sampler(params);
          const reference = new ReferenceSampler(params);
          // Several tokens per sampler: the random stream must advance alike too.
          for (let step = 0; step < 4; step++) {
            const logits = randomLogits(random, vocab);
            expect(fast.pick(logits), JSON.stringify({ vocab, ...params, step })).toEqual(
              reference.pick(logits),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });
});

describe('TokenRanking', () => {
  it('ranks like topIndices: descending logits, ties by id, -0 with +0, -Infinity last', () => {
    const random = createRandom(7).next;
    const ranking = new TokenRanking();
    for (const vocab of [1, 3, 100, 1000]) {
      for (let trial = 0; trial < 20; trial++) {
        const logits = Float32Array.from({ length: vocab }, () => Math.round(random() * 8) - 4);
        logits[Math.floor(random() * vocab)] = -0;
        logits[Math.floor(random() * vocab)] = -Infinity;
        for (const k of [1, 5, vocab]) {
          const n = ranking.top(logits, k);
          expect(Array.from(ranking.ids.subarray(0, n))).toEqual(topIndices(logits, k));
        }
      }
    }
  });
});
