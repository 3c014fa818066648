import type { RatingColumns } from '../data/types.js';
import type { Hyperparameters } from './hyperparameters.js';
import type { ItemFeatures } from './item-features.js';

/** Which items have at least one training rating: [nItems] 1 or 0. */
export function ratedItems(ratings: RatingColumns, nItems: number): Uint8Array {
  const rated = new Uint8Array(nItems);
  for (let r = 0; r < ratings.length; r++) rated[ratings.item[r]!] = 1;
  return rated;
}

/**
 * Folds feature vectors into each item's vector and bias, as serving uses them:
 * q_i = v_i + Σ_f w_f / √|F(i)|, b_i = c_i + Σ_f g_f / √|F(i)|. An item nobody rated keeps only its
 * features' part: its free part is only its random start.
 */
export function effectiveItems(
  rated: Uint8Array,
  features: ItemFeatures,
  h: Hyperparameters,
  v: Float64Array,
  bi: Float64Array,
  w: Float64Array,
  g: Float64Array,
): { itemBias: Float32Array; itemVectors: Float32Array } {
  const k = h.factors;
  const nItems = rated.length;
  const itemBias = new Float32Array(nItems);
  const itemVectors = new Float32Array(nItems * k);
  for (let i = 0; i < nItems; i++) {
    const from = h.useFeatures ? features.offset[i]! : 0;
    const to = h.useFeatures ? features.offset[i + 1]! : 0;
    const scale = to > from ? 1 / Math.sqrt(to - from) : 0;
    const own = rated[i] ? 1 : 0;
    let b = own * bi[i]!;
    for (let j = from; j < to; j++) b += scale * g[features.index[j]!]!;
    itemBias[i] = b;
    for (let d = 0; d < k; d++) {
      let s = own * v[i * k + d]!;
      for (let j = from; j < to; j++) s += scale * w[features.index[j]! * k + d]!;
      itemVectors[i * k + d] = s;
    }
  }
  return { itemBias, itemVectors };
}
