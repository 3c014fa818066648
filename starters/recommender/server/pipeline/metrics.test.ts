import { describe, expect, it } from 'vitest';
import { rankingAtK, ratingErrors } from './metrics.js';
import { topK } from './top-k.js';

describe('metrics', () => {
  it('computes RMSE and MAE', () => {
    const test = {
      user: Int32Array.of(0, 0),
      item: Int32Array.of(0, 1),
      value: Float32Array.of(4, 2),
      length: 2,
    };
    const { rmse, mae } = ratingErrors(test, () => 3);
    expect(rmse).toBeCloseTo(1);
    expect(mae).toBeCloseTo(1);
  });

  it('computes precision, recall and NDCG at k', () => {
    const m = rankingAtK([7, 3, 9], new Set([3, 4]), 3);
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBeCloseTo(1 / 2);
    // One hit at rank 2: (1/log2 3) / (1 + 1/log2 3)
    expect(m.ndcg).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)));
  });
});

describe('topK', () => {
  it('returns the best k indices, best first, skipping excluded ones and NaN', () => {
    expect(topK([0.5, 3, Number.NaN, 2, 9, 1], 3, new Set([4]))).toEqual([1, 3, 5]);
    expect(topK([1, 2], 5)).toEqual([1, 0]);
  });
});
