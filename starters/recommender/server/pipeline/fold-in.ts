import { implicitPart } from './implicit-feedback.js';
import type { RecommenderModel } from './model.js';
import type { UserVector } from './score-items.js';
import { solveSpd } from './solve-spd.js';

/** One rating by the user being folded in: item index into the catalogue, stars. */
export interface UserRating {
  item: number;
  value: number;
}

/**
 * A new user's vector and bias from their ratings, without retraining: with the item vectors
 * fixed, the best p_u and b_u are a small ridge regression,
 *
 *   minimise Σ_i (r_i − μ − b_i − b_u − q_i·p_u)² + λ_p |p_u|² + λ_b b_u²
 *   λ_p = regFactors·n + foldInPrior,   λ_b = regBias·n + foldInBiasPrior
 *
 * solved exactly from a (factors+1)² system. The penalties match training's per-rating
 * regularisation plus priors that keep a one-rating user close to average. The bias has its
 * own, stronger prior: a new user who gives three movies 5 stars has shown what they like, not
 * that they rate everything high, so r_i − μ − b_i (how much more than usual they liked each
 * movie) moves the taste vector instead of being absorbed by b_u. Many ratings outweigh both
 * priors, as in training.
 * With SVD++'s implicit feedback the user's vector is p_u + s, where s sums the y_j of the
 * rated items exactly as training did (implicit-feedback.ts): s is fixed by which movies were
 * rated, so the ridge regression fits p_u to what s leaves unexplained (r_i − … − q_i·s) and
 * returns p_u + s, the same kind of vector a trained user has.
 * Repeated items keep their last rating. Cost: n × (factors+1)² / 2 + (factors+1)³ / 6.
 */
export function foldIn(model: RecommenderModel, ratings: UserRating[]): UserVector {
  const k = model.factors;
  const n = k + 1; // p_u and b_u
  const last = new Map<number, number>();
  for (const r of ratings) last.set(r.item, r.value);
  const h = model.hyperparameters;
  const a = new Float64Array(n * n);
  const b = new Float64Array(n);
  const implicit = model.implicitVectors
    ? implicitPart(model.implicitVectors, k, last.keys())
    : new Float64Array(k);
  const z = new Float64Array(n);
  z[k] = 1;
  for (const [item, value] of last) {
    const row = item * k;
    let y = value - model.globalMean - model.itemBias[item]!;
    for (let d = 0; d < k; d++) {
      z[d] = model.itemVectors[row + d]!;
      y -= z[d]! * implicit[d]!;
    }
    // Only the lower triangle: solveSpd reads nothing else.
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      b[i] = b[i]! + zi * y;
      const ai = i * n;
      for (let j = 0; j <= i; j++) a[ai + j] = a[ai + j]! + zi * z[j]!;
    }
  }
  const count = last.size;
  for (let d = 0; d < k; d++) a[d * n + d] = a[d * n + d]! + h.regFactors * count + h.foldInPrior;
  a[k * n + k] = a[k * n + k]! + h.regBias * count + h.foldInBiasPrior;
  const x = solveSpd(a, b, n);
  const vector = Float32Array.from(x.subarray(0, k), (p, d) => p + implicit[d]!);
  return { vector, bias: x[k]! };
}
