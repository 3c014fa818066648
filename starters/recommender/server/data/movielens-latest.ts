import { join } from 'node:path';
import { IdIndex, RatingColumnsBuilder } from './rating-columns.js';
import { addRatingFields } from './rating-line.js';
import { readLines, splitCsvLine } from './read-lines.js';
import type { CatalogueItem, RatingData, RatingScale, SkippedLine } from './types.js';
import { MOVIELENS_LICENCE_NOTE } from './movielens-licence.js';

/** Half stars: 0.5, 1, …, 5. */
export const ML_LATEST_SCALE: RatingScale = { min: 0.5, max: 5, step: 0.5 };

/**
 * Loads ml-latest or ml-latest-small from a folder: `movies.csv` (movieId,title,genres with
 * genres separated by "|") and `ratings.csv` (userId,movieId,rating,timestamp). Both have a
 * header line. Malformed lines are skipped and listed with their line numbers.
 */
export async function loadMlLatest(dir: string): Promise<RatingData> {
  const skipped: SkippedLine[] = [];
  const items: CatalogueItem[] = [];
  const itemIndex = new IdIndex();
  await readLines(
    join(dir, 'movies.csv'),
    (line, n) => {
      if (n === 1 && line.startsWith('movieId')) return undefined;
      const f = splitCsvLine(line);
      if (!f || f.length !== 3)
        return `expected movieId,title,genres; got ${f?.length ?? 'unbalanced quotes'}`;
      const [id, rawTitle, genres] = f.map((x) => x.trim()) as [string, string, string];
      if (!/^\d+$/.test(id)) return `movie id "${id}" is not a whole number`;
      if (itemIndex.get(id) !== undefined) return `movie id ${id} appears twice`;
      itemIndex.add(id);
      const year = /\((\d{4})\)\s*$/.exec(rawTitle)?.[1];
      items.push({
        id,
        title: rawTitle || `Movie ${id}`,
        genres: genres === '(no genres listed)' ? [] : genres.split('|').filter(Boolean),
        director: null,
        year: year ? Number(year) : null,
      });
      return undefined;
    },
    skipped,
  );
  const users = new IdIndex();
  const out = new RatingColumnsBuilder();
  await readLines(
    join(dir, 'ratings.csv'),
    (line, n) => {
      if (n === 1 && line.startsWith('userId')) return undefined;
      return addRatingFields(splitCsvLine(line), ML_LATEST_SCALE, itemIndex, users, out, {
        addUsers: true,
      });
    },
    skipped,
  );
  return {
    source: 'ml-latest',
    items,
    users: users.ids,
    ratings: out.finish(),
    scale: ML_LATEST_SCALE,
    skipped,
    licence: MOVIELENS_LICENCE_NOTE,
  };
}
