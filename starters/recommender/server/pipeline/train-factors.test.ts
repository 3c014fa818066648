import { describe, expect, it } from 'vitest';
import { createRandom, shuffle } from '@shipml/random';
import { selectRows } from '../data/rating-columns.js';
import { syntheticMovieLens } from '../data/synthetic-movielens.js';
import { SMALL_HYPERPARAMETERS, SMALL_WORLD } from './__tests__/small-model.js';
import { biasBaseline, globalMeanBaseline } from './baselines.js';
import { fitModel } from './fit-model.js';
import { ratingErrors } from './metrics.js';

describe.each([
  ['plain', false],
  ['with SVD++ implicit feedback', true],
])('trainFactors (%s) on synthetic data with known structure', (_, implicitFeedback) => {
  const h = { ...SMALL_HYPERPARAMETERS, implicitFeedback };
  const { data } = syntheticMovieLens(SMALL_WORLD);
  const order = Int32Array.from({ length: data.ratings.length }, (_, r) => r);
  shuffle(order, createRandom(1));
  const cut = Math.round(order.length * 0.8);
  const train = selectRows(data.ratings, order.subarray(0, cut));
  const test = selectRows(data.ratings, order.subarray(cut));
  const { model, trained } = fitModel(data, h, { train });
  const k = model.factors;
  const predict = (u: number, i: number) => {
    let s = model.globalMean + trained.userBias[u]! + model.itemBias[i]!;
    for (let d = 0; d < k; d++)
      s += model.itemVectors[i * k + d]! * trained.userVectors[u * k + d]!;
    return Math.min(5, Math.max(1, s));
  };

  it('lowers the training loss epoch after epoch', () => {
    const rmse = trained.epochRmse;
    expect(rmse).toHaveLength(h.epochs);
    expect(rmse.at(-1)!).toBeLessThan(rmse[0]! - 0.1);
    // Falling block by block: SGD noise may bump an epoch, and with tiny initial vectors the
    // loss sits on a plateau (biases settled, tastes still growing) before it falls again.
    const blockMean = (b: number) => rmse.slice(b * 10, b * 10 + 10).reduce((s, x) => s + x) / 10;
    for (let b = 1; b < rmse.length / 10; b++) expect(blockMean(b)).toBeLessThan(blockMean(b - 1));
  });

  it('predicts held-out ratings better than the global-mean and bias-only baselines', () => {
    const { globalMean } = globalMeanBaseline(train);
    const bias = biasBaseline(train, data.users.length, data.items.length);
    const mf = ratingErrors(test, predict).rmse;
    const biasOnly = ratingErrors(
      test,
      (u, i) => bias.globalMean + bias.userBias[u]! + bias.itemBias[i]!,
    ).rmse;
    const meanOnly = ratingErrors(test, () => globalMean).rmse;
    expect(biasOnly).toBeLessThan(meanOnly - 0.05);
    expect(mf).toBeLessThan(biasOnly - 0.005);
  });

  it('is reproducible for a seed', () => {
    const again = fitModel(data, { ...h, epochs: 2 }, { train });
    const once = fitModel(data, { ...h, epochs: 2 }, { train });
    expect(again.trained.itemVectors).toEqual(once.trained.itemVectors);
    expect(again.trained.userVectors).toEqual(once.trained.userVectors);
  });
});
