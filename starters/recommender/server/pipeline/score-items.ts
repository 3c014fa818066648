import type { RecommenderModel } from './model.js';

/** A user as the model sees them: a taste vector and how generous their ratings are. */
export interface UserVector {
  /** [factors] p_u (with SVD++, p_u plus the implicit part: see implicit-feedback.ts) */
  vector: Float32Array;
  /** b_u in stars. */
  bias: number;
}

/**
 * Predicted stars for every item: μ + b_u + b_i + q_i·p_u → [nItems] (not clipped to the scale).
 * This is the computation the ONNX model performs; see onnx-export.ts.
 */
export function scoreItems(model: RecommenderModel, user: UserVector): Float32Array {
  const k = model.factors;
  const q = model.itemVectors;
  const p = user.vector;
  const out = new Float32Array(model.items.length);
  const base = model.globalMean + user.bias;
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    const row = i * k;
    for (let d = 0; d < k; d++) s += q[row + d]! * p[d]!;
    out[i] = base + model.itemBias[i]! + s;
  }
  return out;
}

/**
 * What ranking adds to predicted stars: popularityWeight × ln(1 + ratings of the item) → [nItems].
 * See Hyperparameters.popularityWeight for why.
 */
export function rankingBonus(model: RecommenderModel): Float32Array {
  const w = model.hyperparameters.popularityWeight;
  return Float32Array.from(model.ratingCount, (n) => w * Math.log1p(n));
}

/** Predicted stars clipped to the model's rating scale, for display. */
export function clipToScale(model: RecommenderModel, stars: number): number {
  return Math.min(model.scale.max, Math.max(model.scale.min, stars));
}
