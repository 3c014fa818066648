import { resolve } from 'node:path';
import { loadBundledCatalogue } from '../server/data/movie-catalogue.js';
import { loadMl100k } from '../server/data/movielens-100k.js';
import { loadMlLatest } from '../server/data/movielens-latest.js';
import { MOVIELENS_LICENCE_NOTE } from '../server/data/movielens-licence.js';
import { syntheticMovieLens } from '../server/data/synthetic-movielens.js';
import { bundledRatings } from '../server/data/synthetic-users.js';
import type { RatingData, SkippedLine } from '../server/data/types.js';

export const DATASETS = ['bundled', 'synthetic', 'ml-100k', 'ml-latest'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** Checks `--dataset`, and that MovieLens comes with `--data <dir>`; exits with usage otherwise. */
export function datasetArgs(
  dataset: string | undefined,
  data: string | undefined,
  usage: string,
): { dataset: DatasetName; dir?: string } {
  if (!DATASETS.includes(dataset as DatasetName)) fail(`unknown --dataset ${dataset}`, usage);
  const name = dataset as DatasetName;
  if ((name === 'ml-100k' || name === 'ml-latest') && !data)
    fail(`--dataset ${name} needs --data <dir>`, usage);
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
    case 'ml-latest': {
      console.error(MOVIELENS_LICENCE_NOTE);
      const data = dataset === 'ml-100k' ? await loadMl100k(dir!) : await loadMlLatest(dir!);
      reportSkipped(data.skipped);
      return data;
    }
  }
}

/** "skipped 3 malformed lines: u.data:17 (rating 7 is outside 1..5 …), …" on stderr. */
export function reportSkipped(skipped: SkippedLine[]): void {
  if (skipped.length === 0) return;
  const first = skipped.slice(0, 5).map((s) => `${s.file}:${s.line} (${s.reason})`);
  console.error(
    `skipped ${skipped.length} malformed line(s): ${first.join(', ')}${skipped.length > 5 ? ', …' : ''}`,
  );
}

function fail(message: string, usage: string): never {
  console.error(`${message}\nusage: ${usage}`);
  process.exit(2);
}
