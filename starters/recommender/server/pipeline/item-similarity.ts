import type { RecommenderModel } from './model.js';
import { topK } from './top-k.js';

/** Item vectors scaled to length 1 → [nItems, factors]; cosine similarity is then a dot product. */
export function unitItemVectors(model: RecommenderModel): Float32Array {
  const k = model.factors;
  const out = new Float32Array(model.itemVectors.length);
  for (let i = 0; i < model.items.length; i++) {
    let norm = 0;
    for (let d = 0; d < k; d++) norm += model.itemVectors[i * k + d]! ** 2;
    // A zero vector (no ratings, no features) stays zero: similar to nothing.
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < k; d++) out[i * k + d] = model.itemVectors[i * k + d]! * inv;
  }
  return out;
}

/** Cosine similarity of items a and b, −1..1, from unit vectors. */
export function cosine(unit: Float32Array, k: number, a: number, b: number): number {
  let s = 0;
  for (let d = 0; d < k; d++) s += unit[a * k + d]! * unit[b * k + d]!;
  return s;
}

/**
 * The `k` items whose vectors point most nearly the same way as `item`'s (cosine), best first.
 * Only items with at least `minRatings` training ratings are offered, so that a neighbour is a
 * movie people know rather than one whose vector is mostly noise.
 */
export function similarItems(
  model: RecommenderModel,
  unit: Float32Array,
  item: number,
  k: number,
  minRatings = 5,
): { item: number; similarity: number }[] {
  const sims = new Float32Array(model.items.length);
  for (let j = 0; j < sims.length; j++) {
    sims[j] =
      j === item || model.ratingCount[j]! < minRatings
        ? Number.NaN
        : cosine(unit, model.factors, item, j);
  }
  return topK(sims, k).map((j) => ({ item: j, similarity: sims[j]! }));
}
