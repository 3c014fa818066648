import type { RatingColumns, RatingData } from '../server/data/types.js';
import { biasBaseline, globalMeanBaseline } from '../server/pipeline/baselines.js';
import { fitModel } from '../server/pipeline/fit-model.js';
import { foldIn, type UserRating } from '../server/pipeline/fold-in.js';
import type { Hyperparameters } from '../server/pipeline/hyperparameters.js';
import { rankingAtK, ratingErrors } from '../server/pipeline/metrics.js';
import { clipToScale, rankingBonus, scoreItems } from '../server/pipeline/score-items.js';
import { topK } from '../server/pipeline/top-k.js';
import type { TrainProgress } from '../server/pipeline/train-factors.js';

/** Metrics of one train/test split; the eval averages them over folds. */
export interface FoldMetrics {
  rmse: number;
  mae: number;
  precisionAt10: number;
  recallAt10: number;
  ndcgAt10: number;
  popularityNdcgAt10: number;
  trainSeconds: number;
  /** CPU time of training: what trainSeconds would be on an idle core. */
  trainCpuSeconds: number;
  globalMeanRmse: number;
  biasOnlyRmse: number;
  /** RMSE when each test user is folded in from their training ratings, as at serving time. */
  foldInRmse: number;
}

const K = 10;

/**
 * Trains on `train`, then measures rating error on `test` and top-10 quality: for each user
 * with test items rated ≥ 4, all items outside their training ratings are ranked and the test
 * items rated ≥ 4 count as relevant. The popularity baseline ranks by number of training ratings.
 */
export function evaluateFold(
  data: RatingData,
  train: RatingColumns,
  test: RatingColumns,
  h: Hyperparameters,
  onEpoch?: (p: TrainProgress) => void,
): FoldMetrics {
  const nUsers = data.users.length;
  const { model, trained, seconds, cpuSeconds } = fitModel(data, h, { train, onEpoch });
  const k = model.factors;
  const userVector = (u: number) => ({
    vector: trained.userVectors.subarray(u * k, (u + 1) * k),
    bias: trained.userBias[u]!,
  });
  const errors = ratingErrors(test, (u, i) => {
    let s = model.globalMean + trained.userBias[u]! + model.itemBias[i]!;
    for (let d = 0; d < k; d++)
      s += model.itemVectors[i * k + d]! * trained.userVectors[u * k + d]!;
    return clipToScale(model, s);
  });
  const { globalMean } = globalMeanBaseline(train);
  const bias = biasBaseline(train, nUsers, data.items.length);
  const biasErrors = ratingErrors(test, (u, i) =>
    clipToScale(model, bias.globalMean + bias.userBias[u]! + bias.itemBias[i]!),
  );

  const trainByUser = groupByUser(train, nUsers);
  const testByUser = groupByUser(test, nUsers);
  const bonus = rankingBonus(model);
  const popularity = Float32Array.from(model.ratingCount);
  const sums = { precision: 0, recall: 0, ndcg: 0, popNdcg: 0, users: 0 };
  for (let u = 0; u < nUsers; u++) {
    const relevant = new Set(testByUser[u]!.filter((r) => r.value >= 4).map((r) => r.item));
    if (relevant.size === 0) continue;
    const seen = new Set(trainByUser[u]!.map((r) => r.item));
    const ranking = scoreItems(model, userVector(u)).map((s, i) => s + bonus[i]!);
    const m = rankingAtK(topK(ranking, K, seen), relevant, K);
    sums.precision += m.precision;
    sums.recall += m.recall;
    sums.ndcg += m.ndcg;
    sums.popNdcg += rankingAtK(topK(popularity, K, seen), relevant, K).ndcg;
    sums.users++;
  }
  const folded = Array.from({ length: nUsers }, (_, u) =>
    trainByUser[u]!.length ? foldIn(model, trainByUser[u]!) : null,
  );
  const foldInErrors = ratingErrors(test, (u, i) => {
    const p = folded[u];
    if (!p) return model.globalMean + model.itemBias[i]!;
    let s = model.globalMean + p.bias + model.itemBias[i]!;
    for (let d = 0; d < k; d++) s += model.itemVectors[i * k + d]! * p.vector[d]!;
    return clipToScale(model, s);
  });
  const users = Math.max(1, sums.users);
  return {
    rmse: errors.rmse,
    mae: errors.mae,
    precisionAt10: sums.precision / users,
    recallAt10: sums.recall / users,
    ndcgAt10: sums.ndcg / users,
    popularityNdcgAt10: sums.popNdcg / users,
    trainSeconds: seconds,
    trainCpuSeconds: cpuSeconds,
    globalMeanRmse: ratingErrors(test, () => globalMean).rmse,
    biasOnlyRmse: biasErrors.rmse,
    foldInRmse: foldInErrors.rmse,
  };
}

function groupByUser(ratings: RatingColumns, nUsers: number): UserRating[][] {
  const out: UserRating[][] = Array.from({ length: nUsers }, () => []);
  for (let r = 0; r < ratings.length; r++)
    out[ratings.user[r]!]!.push({ item: ratings.item[r]!, value: ratings.value[r]! });
  return out;
}
