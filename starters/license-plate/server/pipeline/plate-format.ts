import { PLATE_CHARS } from './ctc-decode.js';
import { REGIONS } from './regions/regions.js';
import type { Layout, PlateRegion } from './regions/types.js';

/**
 * Expand a layout (see `Layout`: L letter, D digit, X either, `a-b` repeats) into concrete class
 * strings: 'L1-2 D' → ['LD', 'LLD']. The regions' layouts live in regions/*.ts.
 */
export function expandLayout(layout: string): string[] {
  let out = [''];
  for (const group of layout.split(' ')) {
    const m = /^([LDX])(\d)(?:-(\d))?$/.exec(group);
    const parts = m ? [m[1]!.repeat(Number(m[2])), m[1]!, Number(m[3] ?? m[2])] : [group, '', 0];
    const [fixed, unit, max] = parts as [string, string, number];
    const options = m
      ? Array.from({ length: max - fixed.length + 1 }, (_, k) => fixed + unit.repeat(k))
      : [fixed];
    out = out.flatMap((prefix) => options.map((o) => prefix + o));
  }
  return out;
}

/**
 * What the format steps need from a region: every concrete template (class string, from its
 * layouts) with its weight, the score of texts that fit none, and the look-alike swaps.
 */
export interface FormatBook {
  templates: ReadonlyMap<string, number>;
  unlisted: PlateRegion['unlisted'];
  lookAlikes: Readonly<Record<string, string>>;
  swapDoubt: number;
}

const books = new Map<string, FormatBook>();

/**
 * Where a layout's ranges allow a serial of three characters or fewer (Germany's M A 1), the
 * plate is so rare that a reading that short is far likelier a sign ("NO 7"), a sticker or part of
 * a plate: it weighs as an unlisted text.
 */
const SHORTEST_LISTED = 4;

/**
 * The format book of a region, or of one of its sub-regions (a US state): that state's layouts
 * then weigh fully, the other states' a quarter less (the state name may be misread, and cars
 * cross state lines), and states whose layouts count `onlyWhenNamed` not at all. Built once per
 * region and state.
 */
export function formatBook(region: PlateRegion, subregion?: string): FormatBook {
  const key = `${region.id}/${subregion ?? ''}`;
  let book = books.get(key);
  if (book) return book;
  const templates = new Map<string, number>();
  const add = ([layout, weight]: Layout, factor = 1) => {
    for (const t of expandLayout(layout)) {
      if (t.length < SHORTEST_LISTED) continue;
      templates.set(t, Math.max(weight * factor, templates.get(t) ?? 0));
    }
  };
  region.layouts.forEach((l) => add(l));
  for (const sub of region.subregions ?? []) {
    if (sub.onlyWhenNamed && sub.name !== subregion) continue;
    const factor = subregion === undefined || sub.name === subregion ? 1 : 0.75;
    sub.layouts.forEach((l) => add(l, factor));
  }
  book = { templates, unlisted: region.unlisted, lookAlikes: region.lookAlikes, swapDoubt: region.swapDoubt }; // prettier-ignore
  books.set(key, book);
  return book;
}

/**
 * All regions at once, for readers that know nothing of the photo: Europe's layouts, tolerance
 * for unlisted texts and look-alikes, plus the other regions' layouts at 85% of their weight.
 */
export const ANY_REGION: FormatBook = (() => {
  const templates = new Map<string, number>();
  for (const region of Object.values(REGIONS)) {
    const factor = region.id === 'eu' ? 1 : 0.85;
    for (const [t, w] of formatBook(region).templates) {
      templates.set(t, Math.max(w * factor, templates.get(t) ?? 0));
    }
  }
  return { ...formatBook(REGIONS.eu), templates };
})();

/**
 * True for 4–9 letters and digits with at least one of each: how nearly every serial in every
 * region reads, and how few words (signs, makes, state names) do.
 */
export function isSerialLike(text: string): boolean {
  return /^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{4,9}$/.test(text);
}

/** The class string of a text: 'AB12' → 'LLDD'. */
export function classesOf(text: string): string {
  return [...text].map((c) => (c >= '0' && c <= '9' ? 'D' : 'L')).join('');
}

/** True when the text fits a template exactly (X matches both classes). */
function fits(classes: string, template: string): boolean {
  return (
    classes.length === template.length &&
    [...template].every((t, i) => t === 'X' || t === classes[i])
  );
}

/**
 * How plausible a text is as a plate in a region, 0..1: a layout of the region scores its weight,
 * other 4–8 character texts (vanity plates, unlisted formats) the region's `unlisted` score,
 * anything shorter or longer little; times a prior on the length.
 */
export function formatScore(text: string, book: FormatBook = ANY_REGION): number {
  return layoutScore(classesOf(text), book) * lengthPrior(text.length);
}

/** Weight of the best listed layout a class string fits, 0 when it fits none. */
function listedWeight(classes: string, book: FormatBook): number {
  let best = book.templates.get(classes) ?? 0;
  for (const [t, w] of book.templates) if (w > best && fits(classes, t)) best = w;
  return best;
}

/** True when a text fits one of the book's listed layouts (not only its `unlisted` fallback). */
export function fitsLayout(text: string, book: FormatBook): boolean {
  return listedWeight(classesOf(text), book) > 0;
}

/** Weight of the best layout a class string fits, or a fallback for unknown layouts. */
function layoutScore(classes: string, book: FormatBook): number {
  const best = listedWeight(classes, book);
  if (best > 0) return best;
  // Vanity plates and formats not listed: possible, but a listed layout is better evidence.
  if (classes.length >= 4 && classes.length <= 8) {
    const { mixed, lettersOnly, digitsOnly } = book.unlisted;
    return !classes.includes('D') ? lettersOnly : !classes.includes('L') ? digitsOnly : mixed;
  }
  if (classes.length === 3 || classes.length === 9) return 0.2;
  return 0.05;
}

/**
 * Most plates carry 6–8 characters; short strings (years, words, sticker text) are far more often
 * something else in a street photo.
 */
export function lengthPrior(length: number): number {
  return length >= 6 ? 1 : length === 5 ? 0.9 : 0.7;
}

/** A reading rewritten to fit a layout; `factor` = repair cost × format score (0..1). */
export interface Alternative {
  text: string;
  /** Characters the rewrite kept, by their index in the original reading. */
  kept: number[];
  factor: number;
}

/** The least `swapDoubt` for a reading of digits only (see `plateAlternatives`). */
const DIGITS_DOUBT = 0.1;

/** Confidence kept per look-alike swap (at most), and for one dropped character. */
const SWAP_FACTOR = 0.75;
const DROP_FACTOR = 0.85;

/**
 * Confidence kept when swapping a character the model read with probability `pRead` for a
 * look-alike it gave `pSwap`: the full SWAP_FACTOR when the model was torn between the two, less
 * (down to 20% of it) when it was sure, by `doubt` per unit of log ratio (the region's
 * `swapDoubt`; 0: the layout alone decides). The model's probabilities are overconfident, so
 * only their log ratio counts, gently; but a character read hundreds of times likelier than its
 * look-alike ("545370", every digit clear) is rarely wrong, and a layout that wants a letter there
 * ("54S370") should not overrule it just because the region lists that layout and not the
 * reading's own.
 */
export function swapCost(pSwap: number, pRead: number, doubt: number): number {
  const ratio = Math.max(1e-6, pSwap) / Math.max(1e-6, pRead);
  return SWAP_FACTOR * Math.max(0.2, Math.min(1, 1 + doubt * Math.log(ratio)));
}

/**
 * Readings that fit a known layout after small, common repairs: swapping a letter for a digit
 * that looks like it (or back, as the region's `lookAlikes` allow), at most two swaps; and dropping one character — stickers between
 * the groups, bolts and the EU band's country letters get read as an extra character. Dropping a
 * less confident character costs less. `charProbs`/`charDists` come from the CTC decoder.
 */
export function plateAlternatives(
  text: string,
  charProbs: number[],
  charDists: Float32Array[],
  book: FormatBook = ANY_REGION,
): Alternative[] {
  const best = new Map<string, Alternative>();
  // A reading of digits only is far more often a serial of digits only (several US states print
  // them) than a plate whose every letter was misread: there, the model's certainty always counts.
  const doubt = /^\d+$/.test(text) ? Math.max(book.swapDoubt, DIGITS_DOUBT) : book.swapDoubt;
  const all = [...text].map((_, i) => i);
  const variants = [
    all,
    ...(text.length >= 6 ? all.map((drop) => all.filter((i) => i !== drop)) : []),
  ];
  for (const kept of variants) {
    const dropped = all.find((i) => !kept.includes(i));
    const base = dropped === undefined ? 1 : DROP_FACTOR * (1 - 0.2 * (charProbs[dropped] ?? 1));
    for (const [t, weight] of book.templates) {
      if (t.length !== kept.length) continue;
      let fixed = '';
      let swaps = 0;
      let cost = 1;
      for (let j = 0; j < t.length && swaps <= 2; j++) {
        const ch = text[kept[j]!]!;
        const want = t[j]!;
        if (want === 'X' || (want === 'D') === (ch >= '0' && ch <= '9')) {
          fixed += ch;
          continue;
        }
        // Among the look-alikes of the wanted class, the one the model found most likely.
        const dist = charDists[kept[j]!]!;
        const options = [...(book.lookAlikes[ch] ?? '')].filter(
          (c) => (c >= '0' && c <= '9') === (want === 'D'),
        );
        if (options.length === 0) {
          swaps = 3;
          break;
        }
        // Look-alikes are listed most likely first; the model's probability can overrule the order.
        const p = (c: string) => dist[PLATE_CHARS.indexOf(c)]! - 0.01 * options.indexOf(c);
        const swap = options.reduce((a, b) => (p(b) > p(a) ? b : a));
        fixed += swap;
        cost *= swapCost(dist[PLATE_CHARS.indexOf(swap)]!, dist[PLATE_CHARS.indexOf(ch)]!, doubt);
        swaps++;
      }
      if (swaps > 2 || fixed === text) continue;
      const factor = base * cost * weight * lengthPrior(fixed.length);
      const prev = best.get(fixed);
      if (!prev || prev.factor < factor) best.set(fixed, { text: fixed, kept, factor });
    }
  }
  return [...best.values()].sort((a, b) => b.factor - a.factor);
}
