/**
 * Trains a new model version and makes it the one the server loads:
 *
 *   pnpm train                                   bundled catalogue + synthetic users (default)
 *   pnpm train -- --dataset ml-100k              MovieLens, downloaded from GroupLens into your cache
 *   pnpm train -- --dataset ml-100k --data <dir>  (or ml-latest-small, ml-latest) from a folder
 *
 * Progress (epoch, rmse, eta) goes to stderr. 5 % of the ratings (seeded) are held out to
 * measure the model; it is written to models/<version>/ (model.onnx + model.json) atomically,
 * after checking that ONNX Runtime scores exactly as TypeScript does, and registered in
 * models.json as the default (`pnpm dev` restarts on that change). Last stdout line: JSON.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom, shuffle } from '@shipml/random';
import { selectRows } from '../server/data/rating-columns.js';
import { biasBaseline } from '../server/pipeline/baselines.js';
import { fitModel } from '../server/pipeline/fit-model.js';
import {
  DEFAULT_HYPERPARAMETERS,
  type Hyperparameters,
} from '../server/pipeline/hyperparameters.js';
import { ratingErrors } from '../server/pipeline/metrics.js';
import { newVersionName, writeModelVersion } from '../server/pipeline/model-store.js';
import { exportScoringModel } from '../server/pipeline/onnx-export.js';
import { clipToScale } from '../server/pipeline/score-items.js';
import { checkOnnxMatches } from './check-onnx.js';
import { datasetArgs, exitOnDownloadError, loadDataset } from './load-data.js';
import { progressBar } from './progress-bar.js';

const USAGE =
  'train [--dataset bundled|synthetic|ml-100k|ml-latest-small|ml-latest] [--data <dir>] [--manifest models.json] [--factors 50] [--epochs 100] [--implicit]';
const args = process.argv.slice(2);
const { values } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  options: {
    dataset: { type: 'string', default: 'bundled' },
    data: { type: 'string' },
    manifest: { type: 'string' },
    factors: { type: 'string' },
    epochs: { type: 'string' },
    implicit: { type: 'boolean', default: false },
  },
});
const { dataset, dir } = datasetArgs(values.dataset, values.data, USAGE);
const h: Hyperparameters = {
  ...DEFAULT_HYPERPARAMETERS,
  ...(values.factors && { factors: Number(values.factors) }),
  ...(values.epochs && { epochs: Number(values.epochs) }),
  ...(values.implicit && { implicitFeedback: true }),
};

// 1. Data, with a seeded 5 % held out to measure the model.
const data = await loadDataset(dataset, dir).catch(exitOnDownloadError);
const order = Int32Array.from({ length: data.ratings.length }, (_, r) => r);
shuffle(order, createRandom(h.seed + 1));
const cut = Math.round(order.length * 0.95);
const train = selectRows(data.ratings, order.subarray(0, cut));
const heldOut = selectRows(data.ratings, order.subarray(cut));
console.error(
  `${data.source}: ${data.items.length} items, ${data.users.length} users, ${train.length} training ratings`,
);

// 2. Train.
const { model, trained, seconds, cpuSeconds } = fitModel(data, h, {
  train,
  onEpoch: progressBar('train'),
});
const k = model.factors;
const predict = (u: number, i: number) => {
  let s = model.globalMean + trained.userBias[u]! + model.itemBias[i]!;
  for (let d = 0; d < k; d++) s += model.itemVectors[i * k + d]! * trained.userVectors[u * k + d]!;
  return clipToScale(model, s);
};
const bias = biasBaseline(train, data.users.length, data.items.length);
const held = ratingErrors(heldOut, predict);
model.metrics = {
  heldOutRmse: held.rmse,
  heldOutMae: held.mae,
  biasOnlyHeldOutRmse: ratingErrors(heldOut, (u, i) =>
    clipToScale(model, bias.globalMean + bias.userBias[u]! + bias.itemBias[i]!),
  ).rmse,
  trainRmse: trained.epochRmse.at(-1) ?? Number.NaN,
  trainSeconds: seconds,
  trainCpuSeconds: cpuSeconds,
  ratings: train.length,
  users: data.users.length,
};

// 3. Export, check, write atomically, register as models.json's default.
const onnx = exportScoringModel(model);
const maxDiff = await checkOnnxMatches(model, onnx);
// This app's models.json unless --manifest names another (relative to where pnpm was run).
const manifestPath = values.manifest
  ? resolve(process.env.INIT_CWD ?? process.cwd(), values.manifest)
  : fileURLToPath(new URL('../models.json', import.meta.url));
const version = newVersionName(data.source);
const entry = await writeModelVersion(manifestPath, version, {
  onnx,
  model,
  licence: data.licence,
  description: `Matrix factorisation (${model.factors} factors) trained on ${data.source}: ${data.items.length} movies, ${data.users.length} users. Input user [batch, ${model.factors}] and user_bias [batch, 1] float32, k [1] int64; outputs scores [batch, items], top_scores and top_indices [batch, k].`,
});
console.error(`registered ${entry.id} as the default model in ${manifestPath}`);
console.log(
  JSON.stringify({
    version,
    id: entry.id,
    ...model.metrics,
    onnxMaxAbsDiff: maxDiff,
    onnxBytes: onnx.byteLength,
  }),
);
