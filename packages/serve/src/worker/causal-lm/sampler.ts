import { createRandom, type Random } from '@shipml/random';
import { TokenRanking } from './token-ranking.js';

/** How one completion picks its tokens. */
export interface SamplingParams {
  /** 0: greedy (argmax). Otherwise logits are divided by it before the softmax. */
  temperature: number;
  /** Keep only the k most likely tokens; 0 keeps all. */
  topK: number;
  /** Keep the smallest set of most likely tokens whose probability reaches p; 1 keeps all. */
  topP: number;
  /** Seed of this completion's random numbers (uint32). */
  seed: number;
}

/**
 * Indices of the `k` largest `values`, largest first. A sorted window with a threshold: most
 * values fall below the window's smallest and cost one comparison, so this is ~O(vocab) for
 * the small k that sampling and top-token lists use.
 */
export function topIndices(values: Float32Array, k: number): number[] {
  const n = Math.min(k, values.length);
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (idx.length === n && !(v > val[n - 1]!)) continue;
    let j = idx.length === n ? n - 1 : idx.length;
    while (j > 0 && val[j - 1]! < v) {
      val[j] = val[j - 1]!;
      idx[j] = idx[j - 1]!;
      j--;
    }
    val[j] = v;
    idx[j] = i;
  }
  return idx;
}

/** log(sum(exp(x))) over `logits`, stable. */
export function logSumExp(logits: Float32Array): number {
  let max = -Infinity;
  for (const v of logits) if (v > max) max = v;
  let sum = 0;
  for (const v of logits) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** Index of the first largest logit (what `topIndices(logits, 1)[0]` gives). */
export function argmax(logits: Float32Array): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
  return best;
}

/** Candidates the top-p-only search ranks first; the whole vocabulary when they fall short. */
const TOP_P_CANDIDATES = 64;

/**
 * Picks tokens for one completion. The reported `logprob` is the model's own log-probability
 * of the token (softmax of the raw logits), whatever temperature and filters chose it.
 *
 * Sampling ranks the candidates (most likely first, ties by id), weighs each by its softmax
 * probability at `temperature` (renormalized over the top k under top-k, over the whole
 * vocabulary otherwise), keeps the shortest prefix whose mass reaches top_p, and walks it with
 * one uniform draw scaled by that mass. Sums run in that order, so a seed's tokens depend only
 * on the logits.
 */
export class Sampler {
  /** This completion's own seeded stream: one draw per token it samples (none when greedy). */
  private readonly random: Random;
  private readonly ranking = new TokenRanking();
  /** The ranked candidates' probabilities, reused from one token to the next. */
  private weights = new Float64Array(0);
  /** exp((logit − max) / temperature) by token id, reused likewise. */
  private exps = new Float64Array(0);

  constructor(private readonly params: SamplingParams) {
    this.random = createRandom(params.seed);
  }

  /** `logits`: [vocab] of the last position. */
  pick(logits: Float32Array): { id: number; logprob: number } {
    let max = -Infinity;
    for (let i = 0; i < logits.length; i++) if (logits[i]! > max) max = logits[i]!;
    if (this.exps.length !== logits.length) this.exps = new Float64Array(logits.length);
    const { exps } = this;
    let sum = 0;
    for (let i = 0; i < logits.length; i++) sum += exps[i] = Math.exp(logits[i]! - max);
    const id = this.params.temperature === 0 ? argmax(logits) : this.sample(logits, max, sum);
    return { id, logprob: logits[id]! - (max + Math.log(sum)) };
  }

  /**
   * `max`: the largest logit; `sumExp`: Σ exp(logit − max) in vocabulary order, whose terms
   * `exps` holds.
   */
  private sample(logits: Float32Array, max: number, sumExp: number): number {
    const { temperature: t, topK, topP } = this.params;
    const V = logits.length;
    if (this.weights.length !== V) this.weights = new Float64Array(V);
    const { weights, ranking } = this;
    if (topK > 0) {
      const n = ranking.top(logits, topK);
      const ids = ranking.ids;
      const top = logits[ids[0]!]!;
      let all = 0;
      for (let j = 0; j < n; j++) {
        weights[j] = Math.exp((logits[ids[j]!]! - top) / t);
        all += weights[j]!;
      }
      for (let j = 0; j < n; j++) weights[j] = weights[j]! / all;
      return this.draw(n, topP, true);
    }
    // At temperature 1 the log-sum-exp's terms are the softmax's: `exps` holds them already.
    const { exps } = this;
    let all = sumExp;
    if (t !== 1) {
      all = 0;
      for (let i = 0; i < V; i++) all += exps[i] = Math.exp((logits[i]! - max) / t);
    }
    // Under top_p < 1 the few most likely tokens usually hold enough mass: rank those first.
    for (const k of topP < 1 && TOP_P_CANDIDATES < V ? [TOP_P_CANDIDATES, V] : [V]) {
      const n = ranking.top(logits, k);
      const ids = ranking.ids;
      for (let j = 0; j < n; j++) weights[j] = exps[ids[j]!]! / all;
      const id = this.draw(n, topP, n === V);
      if (id >= 0) return id;
    }
    throw new Error('unreachable: the whole vocabulary is always complete');
  }

  /**
   * Draws among the shortest prefix of the `n` ranked candidates whose mass reaches `topP`;
   * -1 (and no draw) when all `n` fall short and `complete` is false.
   */
  private draw(n: number, topP: number, complete: boolean): number {
    const { weights } = this;
    const ids = this.ranking.ids;
    let mass = 0;
    let keep = 0;
    while (keep < n && mass < topP) mass += weights[keep++]!;
    if (mass < topP && !complete) return -1;
    let r = this.random.next() * mass;
    for (let j = 0; j < keep; j++) {
      r -= weights[j]!;
      if (r < 0) return ids[j]!;
    }
    return ids[keep - 1]!;
  }
}
