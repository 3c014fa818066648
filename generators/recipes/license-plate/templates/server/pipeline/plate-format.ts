import { PLATE_CHARS } from './ctc-decode.js';

/**
 * Common plate layouts, written with L = letter, D = digit, X = either, `a-b` = repeat a to b
 * times, each with a prior weight: how common the layout is across countries (a layout shared by
 * many countries weighs 1, one country's rarer variant less). Generic regional formats (EU
 * countries, UK, US, …), not a list of known plates.
 */
const LAYOUTS: [layout: string, weight: number][] = [
  ['LL DDD LL', 1], // FR, IT, SK, HR, RS, ME, …
  ['LL DD LLL', 1], // UK since 2001, RO
  ['DDDD LLL', 1], // ES
  ['LLL D3-4', 1], // US, SE/FI, older UK, CZ/SK older, PL
  ['LL DDDD LL', 0.9], // HR (4 digits), BG, RO
  ['L DDD LLL', 0.9], // UK 1983–2001
  ['LLL DDD L', 0.9], // UK 1963–1983
  ['D1-3 L1-3 D1-4', 0.9], // US (7ABC123), BE (1ABC234)
  ['D L X DDDD', 0.9], // CZ (1T4 3213)
  ['L1-3 L1-2 D1-4', 0.85], // DE: district, letters, digits (M AB 1234)
  ['LL DDDDD', 0.85], // PL (two-letter district + five characters), NO, DK
  ['LL DDDD L', 0.7], // HR with one letter
  ['L DDDD LL', 0.7], // BG one-letter regions
  ['LLL L DDD', 0.85], // PL (three-letter district)
  ['LLL DD LL', 0.85],
  ['LL D L DDD', 0.85],
  ['L1-2 D1-5 L1-2', 0.7], // AT, CH, IE-like
  ['LL DD LL', 0.85], // NL sidecodes (six characters, letter and digit pairs/triples)
  ['DD LL DD', 0.85],
  ['DD DD LL', 0.85],
  ['LL DD DD', 0.85],
  ['LL LL DD', 0.85],
  ['DD LL LL', 0.85],
  ['DD LLL D', 0.85],
  ['D LLL DD', 0.85],
  ['L DDD LL', 0.85],
  ['LL DDD L', 0.85],
  ['D LL DDD', 0.85],
  ['DDD LL D', 0.85],
  // Beyond Europe
  ['LLL D L DD', 0.9], // Mercosur (BR, since 2018)
  ['DDD LLL', 0.85], // US (older series)
  ['LLLL DDD', 0.85], // CA (Ontario)
  ['LLL DD L', 0.85], // AU (NSW)
  ['L DDD LL D2-3', 0.85], // RU (A123BC77)
  ['DD L1-3 D2-4', 0.85], // TR (34 ABC 123)
  ['LL DD L1-2 DDDD', 0.85], // IN (MH 12 AB 1234)
];

/** Expand a layout into concrete class strings: 'L1-2 D' → ['LD', 'LLD']. */
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

/** Every concrete template (class string) of every layout → its weight (the highest if shared). */
export const TEMPLATES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [layout, weight] of LAYOUTS) {
    for (const t of expandLayout(layout)) map.set(t, Math.max(weight, map.get(t) ?? 0));
  }
  return map;
})();

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
 * How plausible a text is as a plate, 0..1: a known regional layout scores its weight, other
 * 4–8 character texts (vanity plates, unlisted formats) 0.6, anything shorter or longer little;
 * times a prior on the length.
 */
export function formatScore(text: string): number {
  return layoutScore(classesOf(text)) * lengthPrior(text.length);
}

/** Weight of the best layout a class string fits, or a fallback for unknown layouts. */
function layoutScore(classes: string): number {
  const weight = TEMPLATES.get(classes) ?? 0;
  let best = weight;
  for (const [t, w] of TEMPLATES) if (w > best && fits(classes, t)) best = w;
  if (best > 0) return best;
  // Vanity plates and formats not listed: possible, but a listed layout is better evidence.
  if (classes.length >= 4 && classes.length <= 8) return 0.6;
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

/** Letters and digits that look alike on plates: the only swaps a repair may make. */
const LOOK_ALIKES: Record<string, string> = {
  '0': 'ODQ',
  '1': 'IJLT',
  '2': 'Z',
  '4': 'A',
  '5': 'S',
  '6': 'G',
  '7': 'T',
  '8': 'B', // prettier-ignore
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  J: '1',
  L: '1',
  T: '17',
  Z: '2',
  A: '4',
  S: '5',
  G: '6',
  B: '8', // prettier-ignore
};

/** Confidence kept per look-alike swap, and (at most) for one dropped character. */
const SWAP_FACTOR = 0.75;
const DROP_FACTOR = 0.85;

/**
 * Readings that fit a known layout after small, common repairs: swapping a letter for a digit
 * that looks like it (or back), at most two swaps; and dropping one character — stickers between
 * the groups, bolts and the EU band's country letters get read as an extra character. Dropping a
 * less confident character costs less. `charProbs`/`charDists` come from the CTC decoder.
 */
export function plateAlternatives(
  text: string,
  charProbs: number[],
  charDists: Float32Array[],
): Alternative[] {
  const best = new Map<string, Alternative>();
  const all = [...text].map((_, i) => i);
  const variants = [
    all,
    ...(text.length >= 6 ? all.map((drop) => all.filter((i) => i !== drop)) : []),
  ];
  for (const kept of variants) {
    const dropped = all.find((i) => !kept.includes(i));
    const base = dropped === undefined ? 1 : DROP_FACTOR * (1 - 0.2 * (charProbs[dropped] ?? 1));
    for (const [t, weight] of TEMPLATES) {
      if (t.length !== kept.length) continue;
      let fixed = '';
      let swaps = 0;
      for (let j = 0; j < t.length && swaps <= 2; j++) {
        const ch = text[kept[j]!]!;
        const want = t[j]!;
        if (want === 'X' || (want === 'D') === (ch >= '0' && ch <= '9')) {
          fixed += ch;
          continue;
        }
        // Among the look-alikes of the wanted class, the one the model found most likely.
        const dist = charDists[kept[j]!]!;
        const options = [...(LOOK_ALIKES[ch] ?? '')].filter(
          (c) => (c >= '0' && c <= '9') === (want === 'D'),
        );
        if (options.length === 0) {
          swaps = 3;
          break;
        }
        // Look-alikes are listed most likely first; the model's probability can overrule the order.
        const p = (c: string) => dist[PLATE_CHARS.indexOf(c)]! - 0.01 * options.indexOf(c);
        fixed += options.reduce((a, b) => (p(b) > p(a) ? b : a));
        swaps++;
      }
      if (swaps > 2 || fixed === text) continue;
      const factor = base * SWAP_FACTOR ** swaps * weight * lengthPrior(fixed.length);
      const prev = best.get(fixed);
      if (!prev || prev.factor < factor) best.set(fixed, { text: fixed, kept, factor });
    }
  }
  return [...best.values()].sort((a, b) => b.factor - a.factor);
}
