import { REGIONS } from './regions/regions.js';
import type { RegionId } from './regions/types.js';

/** A word read on a plate that is not its serial, and the region (and state) it points to. */
export interface Clue {
  region: RegionId;
  /** The sub-region the word names (a US state), when it names one. */
  subregion?: string;
  /** The clue as listed in the region data, e.g. 'LAND OF LINCOLN'. */
  word: string;
}

/** Upper-case letters and digits only: how readings and clue words are compared. */
const squeeze = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Every clue word of every region, squeezed, longest first (the most specific match wins). */
const INDEX: { key: string; clue: Clue }[] = Object.values(REGIONS)
  .flatMap((region) => [
    ...region.clues.map((word) => ({ key: squeeze(word), clue: { region: region.id, word } })),
    ...(region.subregions ?? []).flatMap((sub) =>
      sub.clues.map((word) => ({
        key: squeeze(word),
        clue: { region: region.id, subregion: sub.name, word },
      })),
    ),
  ])
  .sort((a, b) => b.key.length - a.key.length);

/**
 * The long words of every state's name ("CALIFORNIA", "CAROLINA"), which a reading may match in
 * part. Not slogans, nor a name's short words: "NORTH" on a road sign is no part of "NORTH TO THE
 * FUTURE" or of North Carolina.
 */
const NAME_WORDS: { key: string; clue: Clue }[] = Object.values(REGIONS)
  .flatMap((region) =>
    (region.subregions ?? []).flatMap((sub) =>
      sub.name
        .toUpperCase()
        .split(' ')
        .filter((word) => word.length >= 7)
        .map((key) => ({
          key,
          clue: { region: region.id, subregion: sub.name, word: sub.name.toUpperCase() },
        })),
    ),
  )
  .sort((a, b) => b.key.length - a.key.length);

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)),
      );
    }
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Levenshtein distance between `part` and the closest stretch of `word` (a part read on its own
 * costs nothing for the letters of `word` around it), stopping early past `max`.
 */
export function distanceWithin(part: string, word: string, max: number): number {
  let prev = new Array<number>(word.length + 1).fill(0);
  for (let i = 1; i <= part.length; i++) {
    const row = [i];
    for (let j = 1; j <= word.length; j++) {
      row.push(
        Math.min(
          prev[j]! + 1,
          row[j - 1]! + 1,
          prev[j - 1]! + (part[i - 1] === word[j - 1] ? 0 : 1),
        ),
      );
    }
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return Math.min(...prev);
}

const LETTERS_ONLY = /^[A-Z]+$/;

/**
 * The clue a reading matches, if any: "CALIFORNIA", "LANDOFLINC0LN" or "DMVCAGOV" read off the
 * plate's rim. OCR slips are allowed (one per five letters of the word; in words under seven
 * letters, only a misread letter: "MAIN" and "MARINE" are not MAINE); a reading may also hold the
 * word with a stray character or two around it. Small italic state names are often read only in
 * part: six or more letters that match a stretch of a long word of a state's name ("ENIUCK" for
 * KENTUCKY, one slip per six letters read) count too, after whole words. Four-letter words (OHIO,
 * UTAH) allow one slip only when the reading is four letters; three-letter words (USA, DMV) must
 * match exactly.
 */
export function findClue(reading: string): Clue | undefined {
  const text = squeeze(reading);
  if (text.length < 3) return undefined;
  const letters = LETTERS_ONLY.test(text);
  // A whole word first: "STATE" is the word on many plates, not a part of "GREEN MOUNTAIN STATE".
  for (const { key, clue } of INDEX) {
    if (key.length <= 4) {
      if (text === key) return clue;
      if (key.length === 4 && letters && text.length === 4 && editDistance(text, key, 1) <= 1) {
        return clue;
      }
      continue;
    }
    // A stray character or two around the word (a bolt, a sticker's edge), not a longer word.
    if (text.includes(key) && text.length <= key.length + 2) return clue;
    const slips = Math.floor(key.length / 5);
    // A short name misread keeps its length ("TEXA5"); one letter more or less makes another word.
    if (key.length < 7 && text.length !== key.length) continue;
    if (editDistance(text, key, slips) <= slips) return clue;
  }
  if (!letters || text.length < 6) return undefined;
  const partSlips = Math.floor(text.length / 6);
  for (const { key, clue } of NAME_WORDS) {
    if (text.length > key.length) continue;
    if (distanceWithin(text, key, partSlips) <= partSlips) return clue;
  }
  return undefined;
}
