import { resolve } from 'node:path';
import { ModelsError } from '@shipml/models';
import { loadBundledCatalogue } from '../server/data/movie-catalogue.js';
import { loadMl100k } from '../server/data/movielens-100k.js';
import { loadMlLatest } from '../server/data/movielens-latest.js';
import { MOVIELENS_LICENCE_NOTE } from '../server/data/movielens-licence.js';
import { syntheticMovieLens } from '../server/data/synthetic-movielens.js';
import { bundledRatings } from '../server/data/synthetic-users.js';
import type { RatingData, SkippedLine } from '../server/data/types.js';
import { downloadMovieLens, MOVIELENS_SETS, type MovieLensSet } from './movielens-download.js';

export const DATASETS = ['bundled', 'synthetic', ...MOVIELENS_SETS] as const;
export type DatasetName = (typeof DATASETS)[number];

/**
 * Checks `--dataset`; exits with usage when unknown. MovieLens is read from `--data <dir>` when
 * given, else downloaded into the cache (see {@link movieLensFolder}).
 */
export function datasetArgs(
  dataset: string | undefined,
  data: string | undefined,
  usage: string,
): { dataset: DatasetName; dir?: string } {
  if (!DATASETS.includes(dataset as DatasetName)) fail(`unknown --dataset ${dataset}`, usage);
  const name = dataset as DatasetName;
  // pnpm runs scripts in the package folder; resolve the folder from where the command was typed.
  return {
    dataset: name,
    dir: data ? resolve(process.env.INIT_CWD ?? process.cwd(), data) : undefined,
  };
}

/** Loads a dataset by name; prints MovieLens' licence note and a summary of skipped lines to stderr. */
export async function loadDataset(dataset: DatasetName, dir?: string): Promise<RatingData> {
  switch (dataset) {
    case 'bundled': {
      const { movies, report } = await loadBundledCatalogue();
      console.error(
        `catalogue: ${report.kept} movies from vega-datasets (${JSON.stringify(report)})`,
      );
      return bundledRatings(movies);
    }
    case 'synthetic':
      return syntheticMovieLens().data;
    case 'ml-100k':
    case 'ml-latest-small':
    case 'ml-latest': {
      console.error(MOVIELENS_LICENCE_NOTE);
      const folder = await movieLensFolder(dataset, dir);
      const data = dataset === 'ml-100k' ? await loadMl100k(folder) : await loadMlLatest(folder);
      reportSkipped(data.skipped);
      return data;
    }
  }
}

/**
 * The folder to read a MovieLens set from: `--data <dir>` when given, else GroupLens' archive,
 * downloaded (md5-checked) and unzipped into your cache on first use and reused after.
 */
export async function movieLensFolder(set: MovieLensSet, dir?: string): Promise<string> {
  if (dir) return dir;
  const folder = await downloadMovieLens(set);
  console.error(`MovieLens ${set}: ${folder} (in your cache, not in this app)`);
  return folder;
}

/** "skipped 3 malformed lines: u.data:17 (rating 7 is outside 1..5 …), …" on stderr. */
export function reportSkipped(skipped: SkippedLine[]): void {
  if (skipped.length === 0) return;
  const first = skipped.slice(0, 5).map((s) => `${s.file}:${s.line} (${s.reason})`);
  console.error(
    `skipped ${skipped.length} malformed line(s): ${first.join(', ')}${skipped.length > 5 ? ', …' : ''}`,
  );
}

/**
 * For a script's top level: a failed download (offline and not cached, a wrong checksum, HTTP
 * errors) is told in its own words, without a stack trace; anything else is rethrown.
 */
export function exitOnDownloadError(err: unknown): never {
  if (!(err instanceof ModelsError)) throw err;
  console.error(err.message);
  process.exit(1);
}

function fail(message: string, usage: string): never {
  console.error(`${message}\nusage: ${usage}`);
  process.exit(2);
}
