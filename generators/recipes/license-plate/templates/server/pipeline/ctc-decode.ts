import type { Tensor } from './types.js';

/** Characters a plate can hold. Everything else the model knows (6,600+ classes) is masked out. */
export const PLATE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The recogniser's classes: index 0 is the CTC blank, then the dictionary lines, then ' '. */
export function classIndex(dictionary: string[]): Map<string, number> {
  const index = new Map<string, number>();
  dictionary.forEach((ch, i) => index.set(ch, i + 1));
  return index;
}

export interface Decoded {
  text: string;
  /** Probability of each kept character (after masking and renormalising), 0..1. */
  charProbs: number[];
  /** For each kept character, its probability per plate character (PLATE_CHARS order). */
  charDists: Float32Array[];
}

/**
 * Step 4b — greedy CTC decoding restricted to plate characters. `probs` is [N, T, C]: for each
 * crop, T time steps (one per 8 columns) × C class probabilities. At each step only the blank and
 * A–Z/0–9 compete (renormalised among themselves); take the best, merge repeats, drop blanks.
 */
export function ctcDecode(probs: Tensor, dictionary: string[]): Decoded[] {
  const [n = 0, steps = 0, classes = 0] = probs.shape;
  const data = probs.data as Float32Array;
  const index = classIndex(dictionary);
  const allowed = [...PLATE_CHARS].map((ch) => {
    const i = index.get(ch);
    if (i === undefined) throw new Error(`dictionary has no '${ch}'`);
    return i;
  });
  const results: Decoded[] = [];
  for (let b = 0; b < n; b++) {
    let text = '';
    const charProbs: number[] = [];
    const charDists: Float32Array[] = [];
    let prev = -1; // previous step's winner: -1 blank
    for (let t = 0; t < steps; t++) {
      const row = (b * steps + t) * classes;
      const blank = data[row]!;
      let total = blank;
      let best = -1;
      let bestP = blank;
      for (let k = 0; k < allowed.length; k++) {
        const p = data[row + allowed[k]!]!;
        total += p;
        if (p > bestP) {
          bestP = p;
          best = k;
        }
      }
      if (best >= 0 && best !== prev) {
        text += PLATE_CHARS[best];
        charProbs.push(bestP / total);
        const dist = new Float32Array(allowed.length);
        for (let k = 0; k < allowed.length; k++) dist[k] = data[row + allowed[k]!]! / total;
        charDists.push(dist);
      } else if (best >= 0 && best === prev) {
        // A repeated character: keep the most confident step's probability.
        const i = charProbs.length - 1;
        charProbs[i] = Math.max(charProbs[i]!, bestP / total);
      }
      prev = best;
    }
    results.push({ text, charProbs, charDists });
  }
  return results;
}
