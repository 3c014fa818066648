import type { CatalogueItem, DataSourceName, RatingColumns, RatingScale } from '../data/types.js';
import type { Hyperparameters } from './hyperparameters.js';
import type { TrainedFactors } from './train-factors.js';

/**
 * Everything needed to recommend for a new user: the catalogue, item vectors and biases, and
 * what the ratings looked like. Users are not stored: a user is folded in from their ratings.
 */
export interface RecommenderModel {
  items: CatalogueItem[];
  factors: number;
  /** μ, the mean training rating (stars). */
  globalMean: number;
  /** [nItems] b_i in stars. */
  itemBias: Float32Array;
  /** [nItems, factors] row-major q_i. */
  itemVectors: Float32Array;
  /**
   * [nItems, factors] row-major y_j of SVD++: what having rated item j adds to a user's vector
   * (fold-in sums them), or null for a model trained without implicit feedback.
   */
  implicitVectors: Float32Array | null;
  /** [nItems] training ratings per item. */
  ratingCount: Int32Array;
  /** [nItems] mean training rating per item (μ where unrated). */
  ratingMean: Float32Array;
  scale: RatingScale;
  hyperparameters: Hyperparameters;
  source: DataSourceName;
  /** Eval numbers measured when the model was trained (rmse, …). */
  metrics: Record<string, number>;
}

/** Assembles the serving model from training output and the training ratings. */
export function buildModel(
  items: CatalogueItem[],
  train: RatingColumns,
  trained: TrainedFactors,
  info: {
    scale: RatingScale;
    hyperparameters: Hyperparameters;
    source: DataSourceName;
    metrics?: Record<string, number>;
  },
): RecommenderModel {
  const ratingCount = new Int32Array(items.length);
  const sum = new Float64Array(items.length);
  for (let r = 0; r < train.length; r++) {
    const i = train.item[r]!;
    ratingCount[i] = ratingCount[i]! + 1;
    sum[i] = sum[i]! + train.value[r]!;
  }
  return {
    items,
    factors: trained.factors,
    globalMean: trained.globalMean,
    itemBias: trained.itemBias,
    itemVectors: trained.itemVectors,
    implicitVectors: trained.implicitVectors,
    ratingCount,
    ratingMean: Float32Array.from(sum, (s, i) =>
      ratingCount[i] ? s / ratingCount[i]! : trained.globalMean,
    ),
    scale: info.scale,
    hyperparameters: info.hyperparameters,
    source: info.source,
    metrics: info.metrics ?? {},
  };
}
