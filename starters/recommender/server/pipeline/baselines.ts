import type { RatingColumns } from '../data/types.js';

/** Predicts every rating as the training mean: the floor any model must beat. */
export function globalMeanBaseline(train: RatingColumns): { globalMean: number } {
  let sum = 0;
  for (let r = 0; r < train.length; r++) sum += train.value[r]!;
  return { globalMean: sum / Math.max(1, train.length) };
}

/** μ + b_u + b_i, no tastes: "this user rates high, this movie is liked". */
export interface BiasBaseline {
  globalMean: number;
  userBias: Float64Array;
  itemBias: Float64Array;
}

/**
 * Koren's baseline predictor, fitted in closed form: item biases are shrunk means of r − μ
 * (shrinkage `itemShrink` ratings' worth of zero), then user biases of r − μ − b_i.
 */
export function biasBaseline(
  train: RatingColumns,
  nUsers: number,
  nItems: number,
  itemShrink = 25,
  userShrink = 10,
): BiasBaseline {
  const { globalMean } = globalMeanBaseline(train);
  const itemSum = new Float64Array(nItems);
  const itemCount = new Float64Array(nItems);
  for (let r = 0; r < train.length; r++) {
    const i = train.item[r]!;
    itemSum[i] = itemSum[i]! + train.value[r]! - globalMean;
    itemCount[i] = itemCount[i]! + 1;
  }
  const itemBias = itemSum.map((s, i) => s / (itemShrink + itemCount[i]!));
  const userSum = new Float64Array(nUsers);
  const userCount = new Float64Array(nUsers);
  for (let r = 0; r < train.length; r++) {
    const u = train.user[r]!;
    userSum[u] = userSum[u]! + train.value[r]! - globalMean - itemBias[train.item[r]!]!;
    userCount[u] = userCount[u]! + 1;
  }
  const userBias = userSum.map((s, u) => s / (userShrink + userCount[u]!));
  return { globalMean, userBias, itemBias };
}
