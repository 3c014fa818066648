import { syntheticMovieLens } from '../../data/synthetic-movielens.js';
import type { RatingData } from '../../data/types.js';
import type { TasteTruth } from '../../data/taste-simulator.js';
import { fitModel } from '../fit-model.js';
import { DEFAULT_HYPERPARAMETERS, type Hyperparameters } from '../hyperparameters.js';
import type { RecommenderModel } from '../model.js';
import type { TrainedFactors } from '../train-factors.js';

/** A small synthetic world (300 users, 400 items, 24k ratings) — trains in about a second. */
export const SMALL_WORLD = { nUsers: 300, nItems: 400, nRatings: 24_000, minPerUser: 20, seed: 11 };

/**
 * The defaults with fewer factors (a 16-dimensional taste space is plenty for 400 items) and
 * with SVD++'s implicit feedback, so the tests exercise every part a user vector can have.
 */
export const SMALL_HYPERPARAMETERS: Hyperparameters = {
  ...DEFAULT_HYPERPARAMETERS,
  factors: 16,
  implicitFeedback: true,
};

let cached:
  | { data: RatingData; truth: TasteTruth; model: RecommenderModel; trained: TrainedFactors }
  | undefined;

/** The small world with a model trained on all its ratings (built once per test file). */
export function smallTrainedModel() {
  if (!cached) {
    const { data, truth } = syntheticMovieLens(SMALL_WORLD);
    const { model, trained } = fitModel(data, SMALL_HYPERPARAMETERS);
    cached = { data, truth, model, trained };
  }
  return cached;
}
