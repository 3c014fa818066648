/**
 * Accuracy of the recommender, as one JSON line on stdout (progress on stderr):
 *
 *   pnpm eval -- --dataset ml-100k               five folds: u1.base…u5.base → u1.test…u5.test
 *                                                (downloaded into your cache, or --data <dir>)
 *   pnpm eval -- --dataset synthetic              the same on generated ml-100k-like data
 *   pnpm eval -- --dataset ml-100k --implicit     with SVD++'s implicit feedback (hyperparameters.ts)
 *   pnpm eval -- --dataset bundled                the bundled data, shuffled (seeded) into five
 *                                                disjoint 20 % test folds (--folds 1: just one)
 *
 * Last line: {"rmse","mae","precisionAt10","recallAt10","ndcgAt10","popularityNdcgAt10",
 * "trainSecondsPerFold", "trainCpuSecondsPerFold", …} — means over folds. Ranking metrics count test items rated ≥ 4 and
 * rank every item outside the user's training ratings. Also printed: the global-mean and
 * bias-only baselines' RMSE and the RMSE of folded-in users (how serving sees them).
 *
 *   pnpm eval -- --dataset synthetic --protocol new-user
 *
 * measures cold start instead (evaluate-new-users.ts): users held out of training give 3 or 5
 * movies they liked, or 5 of any rating; last line {"liked3": {"personalNdcgAt10", …}, …}.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom, shuffle } from '@shipml/random';
import { selectRows } from '../server/data/rating-columns.js';
import { loadMl100kFold } from '../server/data/movielens-100k.js';
import { MOVIELENS_LICENCE_NOTE } from '../server/data/movielens-licence.js';
import { syntheticMovieLens, writeMl100kFolder } from '../server/data/synthetic-movielens.js';
import type { RatingColumns, RatingData } from '../server/data/types.js';
import {
  DEFAULT_HYPERPARAMETERS,
  type Hyperparameters,
} from '../server/pipeline/hyperparameters.js';
import { evaluateFold, type FoldMetrics } from './evaluate-fold.js';
import { evaluateNewUsers, NEW_USER_RANKERS } from './evaluate-new-users.js';
import {
  datasetArgs,
  exitOnDownloadError,
  loadDataset,
  movieLensFolder,
  reportSkipped,
} from './load-data.js';
import { progressBar } from './progress-bar.js';

const USAGE =
  'eval --dataset bundled|synthetic|ml-100k|ml-latest-small|ml-latest [--data <dir>] [--folds 5] [--factors 50] [--epochs 100] [--implicit]';
const args = process.argv.slice(2);
const { values } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  options: {
    dataset: { type: 'string', default: 'bundled' },
    data: { type: 'string' },
    folds: { type: 'string', default: '5' },
    factors: { type: 'string' },
    epochs: { type: 'string' },
    implicit: { type: 'boolean', default: false },
    protocol: { type: 'string', default: 'full' },
  },
});
if (values.protocol !== 'full' && values.protocol !== 'new-user') {
  console.error(`unknown --protocol ${values.protocol}\nusage: ${USAGE}`);
  process.exit(2);
}
const { dataset, dir } = datasetArgs(values.dataset, values.data, USAGE);
const h: Hyperparameters = {
  ...DEFAULT_HYPERPARAMETERS,
  ...(values.factors && { factors: Number(values.factors) }),
  ...(values.epochs && { epochs: Number(values.epochs) }),
  ...(values.implicit && { implicitFeedback: true }),
};

/** The train/test pairs to evaluate. ml-100k-format folders use GroupLens' own five folds. */
async function* splits(): AsyncGenerator<{
  data: RatingData;
  train: RatingColumns;
  test: RatingColumns;
}> {
  const folds = Math.min(5, Math.max(1, Number(values.folds))) as 1 | 2 | 3 | 4 | 5;
  if (dataset === 'ml-100k' || dataset === 'synthetic') {
    let folder: string;
    if (dataset === 'synthetic') {
      // Written in ml-100k's layout and read back, so the eval follows the very path real data takes.
      folder = await mkdtemp(join(tmpdir(), 'synthetic-ml100k-'));
      await writeMl100kFolder(folder, syntheticMovieLens().data);
    } else {
      console.error(MOVIELENS_LICENCE_NOTE);
      folder = await movieLensFolder('ml-100k', dir).catch(exitOnDownloadError);
    }
    try {
      for (let fold = 1; fold <= folds; fold++) {
        const { train, test } = await loadMl100kFold(folder, fold as 1 | 2 | 3 | 4 | 5);
        reportSkipped(train.skipped);
        yield { data: train, train: train.ratings, test };
      }
    } finally {
      if (dataset === 'synthetic') await rm(folder, { recursive: true, force: true });
    }
    return;
  }
  // Other data: a seeded shuffle cut into five 20 % blocks; fold f tests on block f.
  const data = await loadDataset(dataset, dir).catch(exitOnDownloadError);
  const order = Int32Array.from({ length: data.ratings.length }, (_, r) => r);
  shuffle(order, createRandom(2024));
  const n = order.length;
  for (let fold = 0; fold < folds; fold++) {
    const from = Math.round((n * fold) / 5);
    const to = Math.round((n * (fold + 1)) / 5);
    yield {
      data,
      train: selectRows(data.ratings, [...order.subarray(0, from), ...order.subarray(to)]),
      test: selectRows(data.ratings, order.subarray(from, to)),
    };
  }
}

if (values.protocol === 'new-user') {
  const folds = Math.max(2, Number(values.folds));
  const synthetic = dataset === 'synthetic' ? syntheticMovieLens() : null;
  const data = synthetic?.data ?? (await loadDataset(dataset, dir));
  const result = evaluateNewUsers(data, h, NEW_USER_RANKERS, {
    folds,
    truth: synthetic?.truth,
    onEpoch: progressBar('new users'),
  });
  console.log(JSON.stringify({ ...result, dataset, folds, protocol: 'new-user' }));
  process.exit(0);
}

const results: FoldMetrics[] = [];
for await (const { data, train, test } of splits()) {
  const fold = results.length + 1;
  const metrics = evaluateFold(data, train, test, h, progressBar(`fold ${fold}`));
  console.error(`fold ${fold}: ${JSON.stringify(metrics)}`);
  results.push(metrics);
}
const mean = (key: keyof FoldMetrics) =>
  Number((results.reduce((s, m) => s + m[key], 0) / results.length).toFixed(4));
console.log(
  JSON.stringify({
    rmse: mean('rmse'),
    mae: mean('mae'),
    precisionAt10: mean('precisionAt10'),
    recallAt10: mean('recallAt10'),
    ndcgAt10: mean('ndcgAt10'),
    popularityNdcgAt10: mean('popularityNdcgAt10'),
    trainSecondsPerFold: mean('trainSeconds'),
    trainCpuSecondsPerFold: mean('trainCpuSeconds'),
    globalMeanRmse: mean('globalMeanRmse'),
    biasOnlyRmse: mean('biasOnlyRmse'),
    foldInRmse: mean('foldInRmse'),
    dataset,
    folds: results.length,
    factors: h.factors,
    epochs: h.epochs,
    implicitFeedback: h.implicitFeedback,
  }),
);
