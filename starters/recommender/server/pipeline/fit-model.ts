import type { RatingColumns, RatingData } from '../data/types.js';
import type { Hyperparameters } from './hyperparameters.js';
import { buildItemFeatures } from './item-features.js';
import { buildModel, type RecommenderModel } from './model.js';
import { trainFactors, type TrainedFactors, type TrainProgress } from './train-factors.js';

/**
 * Trains on `train` (defaults to all of `data`'s ratings) and returns the serving model plus
 * the raw factors (user vectors included, for evaluation) and the training time in seconds:
 * wall-clock, and CPU time of this process (steadier on a busy machine; training uses one core).
 */
export function fitModel(
  data: RatingData,
  h: Hyperparameters,
  options: { train?: RatingColumns; onEpoch?: (p: TrainProgress) => void } = {},
): { model: RecommenderModel; trained: TrainedFactors; seconds: number; cpuSeconds: number } {
  const train = options.train ?? data.ratings;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const features = buildItemFeatures(data.items);
  const trained = trainFactors(
    train,
    data.users.length,
    data.items.length,
    features,
    h,
    options.onEpoch,
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const model = buildModel(data.items, train, trained, {
    scale: data.scale,
    hyperparameters: h,
    source: data.source,
  });
  return { model, trained, seconds, cpuSeconds };
}
