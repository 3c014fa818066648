import { createRandom } from '@shipml/random';
import type { RecommenderModel } from './model.js';

/**
 * A 2-D map of the catalogue: item vectors projected on their two principal components (PCA),
 * so that movies with similar vectors land close together. The components are found by power
 * iteration on the factors×factors covariance matrix, the second after removing the first.
 * Returns `points` [nItems, 2] and the share of variance each axis explains.
 */
export function itemMap(
  model: RecommenderModel,
  iterations = 100,
): { points: Float32Array; explained: [number, number] } {
  const k = model.factors;
  const n = model.items.length;
  const mean = new Float64Array(k);
  for (let i = 0; i < n; i++)
    for (let d = 0; d < k; d++) mean[d] = mean[d]! + model.itemVectors[i * k + d]! / n;
  const cov = new Float64Array(k * k);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < k; d++) row[d] = model.itemVectors[i * k + d]! - mean[d]!;
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) cov[a * k + b] = cov[a * k + b]! + (row[a]! * row[b]!) / n;
  }
  let trace = 0;
  for (let d = 0; d < k; d++) trace += cov[d * k + d]!;
  const random = createRandom(7);
  const axes: Float64Array[] = [];
  const variances: number[] = [];
  for (let c = 0; c < 2; c++) {
    let v = Float64Array.from({ length: k }, () => random.normal());
    let lambda = 0;
    for (let it = 0; it < iterations; it++) {
      const next = new Float64Array(k);
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++) next[a] = next[a]! + cov[a * k + b]! * v[b]!;
      lambda = Math.hypot(...next);
      if (lambda === 0) break;
      v = next.map((x) => x / lambda);
    }
    // Fix the sign so the map does not flip between runs: the largest coordinate is positive.
    const big = v.reduce((m, x, d) => (Math.abs(x) > Math.abs(v[m]!) ? d : m), 0);
    if (v[big]! < 0) v = v.map((x) => -x);
    axes.push(v);
    variances.push(lambda);
    // Deflate: remove this component so the next power iteration finds the second.
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) cov[a * k + b] = cov[a * k + b]! - lambda * v[a]! * v[b]!;
  }
  const points = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let d = 0; d < k; d++) s += (model.itemVectors[i * k + d]! - mean[d]!) * axes[c]![d]!;
      points[i * 2 + c] = s;
    }
  }
  return { points, explained: [variances[0]! / (trace || 1), variances[1]! / (trace || 1)] };
}
