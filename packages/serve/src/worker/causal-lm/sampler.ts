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

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): one stream per completion. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

/**
 * Picks tokens for one completion. The reported `logprob` is the model's own log-probability
 * of the token (softmax of the raw logits), whatever temperature and filters chose it.
 */
export class Sampler {
  private readonly random: () => number;

  constructor(private readonly params: SamplingParams) {
    this.random = mulberry32(params.seed);
  }

  /** `logits`: [vocab] of the last position. */
  pick(logits: Float32Array): { id: number; logprob: number } {
    const lse = logSumExp(logits);
    const id = this.params.temperature === 0 ? topIndices(logits, 1)[0]! : this.sample(logits);
    return { id, logprob: logits[id]! - lse };
  }

  private sample(logits: Float32Array): number {
    const { temperature, topK, topP } = this.params;
    // Candidates, most likely first: the top k, widened until they hold top_p of the mass.
    let k = topK > 0 ? topK : Math.min(64, logits.length);
    for (;;) {
      const ids = topIndices(logits, k);
      const max = logits[ids[0]!]!;
      const weights = ids.map((i) => Math.exp((logits[i]! - max) / temperature));
      // Top-k renormalizes over its k tokens (as transformers does); top-p alone over all.
      let all = 0;
      if (topK > 0) for (const w of weights) all += w;
      else for (const v of logits) all += Math.exp((v - max) / temperature);
      for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! / all;
      let mass = 0;
      let keep = 0;
      while (keep < weights.length && mass < topP) mass += weights[keep++]!;
      const complete = mass >= topP || topK > 0 || ids.length === logits.length;
      if (complete) return this.draw(ids.slice(0, keep), weights.slice(0, keep), mass);
      k = Math.min(logits.length, k * 4);
    }
  }

  private draw(ids: number[], weights: number[], total: number): number {
    let r = this.random() * total;
    for (let i = 0; i < ids.length; i++) {
      r -= weights[i]!;
      if (r < 0) return ids[i]!;
    }
    return ids[ids.length - 1]!;
  }
}
