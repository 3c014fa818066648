import { join } from 'node:path';
import { IdIndex, RatingColumnsBuilder } from './rating-columns.js';
import { addRatingFields } from './rating-line.js';
import { readLines } from './read-lines.js';
import type {
  CatalogueItem,
  RatingColumns,
  RatingData,
  RatingScale,
  SkippedLine,
} from './types.js';
import { MOVIELENS_LICENCE_NOTE } from './movielens-licence.js';

/** ml-100k's genre flags, in the column order of u.item (and u.genre). */
export const ML100K_GENRES = [
  'unknown',
  'Action',
  'Adventure',
  'Animation',
  "Children's",
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Fantasy',
  'Film-Noir',
  'Horror',
  'Musical',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Thriller',
  'War',
  'Western',
] as const;

/** Whole stars only. */
export const ML100K_SCALE: RatingScale = { min: 1, max: 5, step: 1 };

/**
 * Reads ml-100k's `u.item` (pipe-separated, Latin-1):
 * `id|title|release date|video release date|IMDb URL|19 genre flags`.
 */
export async function readMl100kItems(
  dir: string,
  skipped: SkippedLine[],
): Promise<CatalogueItem[]> {
  const items: CatalogueItem[] = [];
  const ids = new Set<string>();
  await readLines(
    join(dir, 'u.item'),
    (line) => {
      const f = line.split('|');
      if (f.length < 5 + ML100K_GENRES.length)
        return `expected ${5 + ML100K_GENRES.length} fields, got ${f.length}`;
      const id = f[0]!.trim();
      if (!/^\d+$/.test(id)) return `item id "${id}" is not a whole number`;
      if (ids.has(id)) return `item id ${id} appears twice`;
      const flags = f.slice(5, 5 + ML100K_GENRES.length);
      if (flags.some((x) => x !== '0' && x !== '1')) return 'genre flags must be 0 or 1';
      ids.add(id);
      const title = f[1]!.trim();
      const year = /(\d{4})\s*$/.exec(f[2]!)?.[1] ?? /\((\d{4})\)\s*$/.exec(title)?.[1];
      items.push({
        id,
        title: title || `Movie ${id}`,
        genres: ML100K_GENRES.filter((g, i) => flags[i] === '1' && g !== 'unknown'),
        director: null,
        year: year ? Number(year) : null,
      });
      return undefined;
    },
    skipped,
    'latin1',
  );
  return items;
}

/** Reads tab-separated `user item rating timestamp` lines (u.data, uN.base, uN.test). */
async function readMl100kRatings(
  path: string,
  items: IdIndex,
  users: IdIndex,
  addUsers: boolean,
  skipped: SkippedLine[],
): Promise<RatingColumns> {
  const out = new RatingColumnsBuilder();
  await readLines(
    path,
    (line) =>
      addRatingFields(line.trim().split(/\s+/), ML100K_SCALE, items, users, out, { addUsers }),
    skipped,
  );
  return out.finish();
}

/**
 * Loads ml-100k from a folder: the catalogue from `u.item` and the ratings from `u.data`
 * (or another ratings file such as `u1.base`). Malformed lines are skipped and listed.
 */
export async function loadMl100k(dir: string, ratingsFile = 'u.data'): Promise<RatingData> {
  const skipped: SkippedLine[] = [];
  const items = await readMl100kItems(dir, skipped);
  const users = new IdIndex();
  const itemIndex = new IdIndex(items.map((i) => i.id));
  const ratings = await readMl100kRatings(join(dir, ratingsFile), itemIndex, users, true, skipped);
  return {
    source: 'ml-100k',
    items,
    users: users.ids,
    ratings,
    scale: ML100K_SCALE,
    skipped,
    licence: MOVIELENS_LICENCE_NOTE,
  };
}

/**
 * One of ml-100k's five cross-validation folds: train on `u<fold>.base`, test on `u<fold>.test`.
 * Test ratings use the training users' indices; a test user absent from the base file is skipped.
 */
export async function loadMl100kFold(
  dir: string,
  fold: 1 | 2 | 3 | 4 | 5,
): Promise<{ train: RatingData; test: RatingColumns }> {
  const train = await loadMl100k(dir, `u${fold}.base`);
  const users = new IdIndex(train.users);
  const items = new IdIndex(train.items.map((i) => i.id));
  const test = await readMl100kRatings(
    join(dir, `u${fold}.test`),
    items,
    users,
    false,
    train.skipped,
  );
  return { train, test };
}
