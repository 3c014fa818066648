import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { loadMl100k } from './movielens-100k.js';
import { loadMlLatest } from './movielens-latest.js';
import type { RatingData } from './types.js';

/** Which MovieLens layout a folder holds: ml-100k (`u.data` + `u.item`) or ml-latest(-small). */
export async function detectMovieLens(dir: string): Promise<'ml-100k' | 'ml-latest'> {
  if (await exists(join(dir, 'u.data'))) return 'ml-100k';
  if (await exists(join(dir, 'ratings.csv'))) return 'ml-latest';
  throw new Error(
    `${dir} holds neither ml-100k (u.data, u.item) nor ml-latest (ratings.csv, movies.csv)`,
  );
}

/**
 * Loads whichever MovieLens data set a folder holds — the entry point for code that has just
 * downloaded one (the download itself belongs to @shipml/models).
 */
export async function loadMovieLens(dir: string): Promise<RatingData> {
  return (await detectMovieLens(dir)) === 'ml-100k' ? loadMl100k(dir) : loadMlLatest(dir);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
