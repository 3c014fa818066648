import { createRandom } from '@shipml/random';
import type { CatalogueItem, RatingScale } from '../../data/types.js';
import { DEFAULT_HYPERPARAMETERS } from '../hyperparameters.js';
import type { RecommenderModel } from '../model.js';

/** A tiny model with random vectors: for tests of plumbing (export, storage), not of learning. */
export function randomModel(
  nItems = 30,
  factors = 8,
  scale: RatingScale = { min: 1, max: 5, step: 1 },
  seed = 1,
): RecommenderModel {
  const random = createRandom(seed);
  const items: CatalogueItem[] = Array.from({ length: nItems }, (_, i) => ({
    id: `m${i}`,
    title: `Movie ${i}`,
    genres: [i % 2 ? 'Drama' : 'Comedy'],
    director: i % 3 ? null : 'A. Director',
    year: 1980 + i,
  }));
  return {
    items,
    factors,
    globalMean: 3.5,
    itemBias: Float32Array.from({ length: nItems }, () => 0.4 * random.normal()),
    itemVectors: Float32Array.from({ length: nItems * factors }, () => 0.5 * random.normal()),
    implicitVectors: Float32Array.from({ length: nItems * factors }, () => 0.1 * random.normal()),
    ratingCount: Int32Array.from({ length: nItems }, () => random.int(200)),
    ratingMean: Float32Array.from({ length: nItems }, () => 2 + 3 * random.next()),
    scale,
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS, factors, implicitFeedback: true },
    source: 'synthetic',
    metrics: { heldOutRmse: 0.91 },
  };
}
