import type { RatingColumns } from '../data/types.js';

/** Root mean squared and mean absolute error of `predict` on held-out ratings (in stars). */
export function ratingErrors(
  test: RatingColumns,
  predict: (user: number, item: number) => number,
): { rmse: number; mae: number } {
  let squared = 0;
  let absolute = 0;
  for (let r = 0; r < test.length; r++) {
    const e = test.value[r]! - predict(test.user[r]!, test.item[r]!);
    squared += e * e;
    absolute += Math.abs(e);
  }
  const n = Math.max(1, test.length);
  return { rmse: Math.sqrt(squared / n), mae: absolute / n };
}

/** Precision, recall and NDCG of one top-k list against the set of relevant items. */
export function rankingAtK(
  top: ArrayLike<number>,
  relevant: Set<number>,
  k: number,
): { precision: number; recall: number; ndcg: number } {
  let hits = 0;
  let dcg = 0;
  for (let n = 0; n < Math.min(k, top.length); n++) {
    if (relevant.has(top[n]!)) {
      hits++;
      dcg += 1 / Math.log2(n + 2);
    }
  }
  let ideal = 0;
  for (let n = 0; n < Math.min(k, relevant.size); n++) ideal += 1 / Math.log2(n + 2);
  return {
    precision: hits / k,
    recall: relevant.size ? hits / relevant.size : 0,
    ndcg: ideal ? dcg / ideal : 0,
  };
}
