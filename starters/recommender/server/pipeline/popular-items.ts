import type { RecommenderModel } from './model.js';

/**
 * Items ranked by Bayesian average rating, best first: each item's mean is pulled towards the
 * global mean as if it had `prior` extra ratings at that mean, so a movie with one 5-star rating
 * does not outrank one with hundreds of 4.5s. `prior` defaults to the mean number of ratings per
 * rated item (~59 on ml-100k). This is what a user with no ratings gets.
 */
export function popularItems(
  model: RecommenderModel,
  k: number,
  prior?: number,
): { item: number; score: number }[] {
  let rated = 0;
  let total = 0;
  for (const n of model.ratingCount) {
    if (n === 0) continue;
    rated++;
    total += n;
  }
  const c = prior ?? Math.max(1, total / Math.max(1, rated));
  const scores = Float64Array.from(model.ratingCount, (n, i) =>
    n === 0 ? -Infinity : (c * model.globalMean + n * model.ratingMean[i]!) / (c + n),
  );
  const order = Array.from(scores.keys()).filter((i) => scores[i]! > -Infinity);
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.slice(0, k).map((item) => ({ item, score: scores[item]! }));
}
