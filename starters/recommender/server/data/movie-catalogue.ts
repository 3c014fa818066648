import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CatalogueItem } from './types.js';

/** A cleaned catalogue entry plus the audience numbers the synthetic users lean on. */
export interface CatalogueMovie extends CatalogueItem {
  /** IMDb rating 1..10, or null when missing or out of range. */
  imdbRating: number | null;
  /** Number of IMDb votes (≥ 0), or null. */
  imdbVotes: number | null;
}

/** What cleaning changed, so a learner can see the data's problems. */
export interface CatalogueReport {
  rows: number;
  kept: number;
  droppedNoTitle: number;
  droppedDuplicate: number;
  /** Release years in the future (two-digit years read as 20xx), moved back a century. */
  yearsFixed: number;
  /** Titles stored as numbers in the JSON (e.g. 1776, 300), turned back into text. */
  numericTitles: number;
  /** "Alamo, The" → "The Alamo". */
  articlesMoved: number;
  /** Same title, different year: the year is added to tell them apart. */
  titlesDisambiguated: number;
  ratingsOutOfRange: number;
}

// The catalogue was compiled around 2010; a release after this is a century off.
const LATEST_PLAUSIBLE_YEAR = 2012;
// Creative types that say something about taste; "Contemporary Fiction" says little.
const TASTE_CREATIVE_TYPES = new Set([
  'Historical Fiction',
  'Fantasy',
  'Science Fiction',
  'Dramatization',
  'Kids Fiction',
  'Factual',
  'Super Hero',
]);

/** The path of vega-datasets' movies.json inside node_modules (read from disk: no network). */
export function bundledMoviesPath(): string {
  const entry = createRequire(import.meta.url).resolve('vega-datasets');
  return join(dirname(entry), '..', 'data', 'movies.json');
}

/** Reads and cleans vega-datasets' movies.json (3201 rows → ~3180 movies). */
export async function loadBundledCatalogue(
  path = bundledMoviesPath(),
): Promise<{ movies: CatalogueMovie[]; report: CatalogueReport }> {
  const rows: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (!Array.isArray(rows)) throw new Error(`${path}: expected a JSON array of movies`);
  return cleanCatalogue(rows as Record<string, unknown>[]);
}

/**
 * Cleans raw vega `movies.json` rows: text titles, trailing articles moved to the front, release
 * years fixed, genres from "Major Genre" plus a telling "Creative Type", exact duplicates dropped,
 * remakes told apart by year, and a stable slug id ("king-kong-1976").
 */
export function cleanCatalogue(rows: Record<string, unknown>[]): {
  movies: CatalogueMovie[];
  report: CatalogueReport;
} {
  const report: CatalogueReport = {
    rows: rows.length,
    kept: 0,
    droppedNoTitle: 0,
    droppedDuplicate: 0,
    yearsFixed: 0,
    numericTitles: 0,
    articlesMoved: 0,
    titlesDisambiguated: 0,
    ratingsOutOfRange: 0,
  };
  const movies: CatalogueMovie[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const rawTitle = row['Title'];
    if (typeof rawTitle === 'number') report.numericTitles++;
    let title =
      typeof rawTitle === 'string' || typeof rawTitle === 'number' ? String(rawTitle) : '';
    title = title.replace(/\s+/g, ' ').trim();
    if (!title) {
      report.droppedNoTitle++;
      continue;
    }
    const article = /^(.*), (The|A|An)$/.exec(title);
    if (article) {
      title = `${article[2]} ${article[1]}`;
      report.articlesMoved++;
    }
    let year = parseYear(row['Release Date']);
    if (year !== null && year > LATEST_PLAUSIBLE_YEAR) {
      year -= 100;
      report.yearsFixed++;
    }
    const key = `${title.toLowerCase()}|${year}`;
    if (seen.has(key)) {
      report.droppedDuplicate++;
      continue;
    }
    seen.add(key);
    const genres = [text(row['Major Genre']), text(row['Creative Type'])].filter(
      (g, i): g is string => g !== null && (i === 0 || TASTE_CREATIVE_TYPES.has(g)),
    );
    const imdbRating = numberIn(row['IMDB Rating'], 1, 10);
    if (imdbRating === null && row['IMDB Rating'] != null) report.ratingsOutOfRange++;
    movies.push({
      id: '',
      title,
      genres,
      director: text(row['Director']),
      year,
      imdbRating,
      imdbVotes: numberIn(row['IMDB Votes'], 0, Number.MAX_SAFE_INTEGER),
    });
  }
  disambiguate(movies, report);
  report.kept = movies.length;
  return { movies, report };
}

/** Adds "(year)" to titles shared by several movies, then gives each movie a unique slug id. */
function disambiguate(movies: CatalogueMovie[], report: CatalogueReport): void {
  const byTitle = new Map<string, number>();
  for (const m of movies)
    byTitle.set(m.title.toLowerCase(), (byTitle.get(m.title.toLowerCase()) ?? 0) + 1);
  const ids = new Set<string>();
  for (const m of movies) {
    if (
      byTitle.get(m.title.toLowerCase())! > 1 &&
      m.year !== null &&
      !m.title.endsWith(`(${m.year})`)
    ) {
      m.title = `${m.title} (${m.year})`;
      report.titlesDisambiguated++;
    }
    const base = slug(`${m.title.replace(/ \(\d{4}\)$/, '')} ${m.year ?? ''}`) || 'movie';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    m.id = id;
  }
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function parseYear(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /(\d{4})\s*$/.exec(value);
  return m ? Number(m[1]) : null;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.replace(/\s+/g, ' ').trim();
  return t || null;
}

function numberIn(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : null;
}
