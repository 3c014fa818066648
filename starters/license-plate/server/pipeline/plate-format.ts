import { PLATE_CHARS } from './ctc-decode.js';

/**
 * Common plate layouts, written with L = letter, D = digit, X = either, `a-b` = repeat a to b
 * times. Generic regional formats (EU countries, UK, US, …), not a list of known plates.
 */
const LAYOUTS = [
  'L1-3 L1-2 D1-4', // DE: district, letters, digits (M AB 1234)
  'LL DDD LL', // FR, IT, SK, HR, RS
  'LL DDDD L1-2', // HR, BA, BG (with one or two letters)
  'L1-2 DDDD LL', // BG, RO-like
  'DDDD LLL', // ES
  'LL DD LLL', // UK since 2001, RO
  'L DDD LLL', // UK 1983–2001
  'LLL DDD L', // UK 1963–1983
  'LLL D1-4', // US, Scandinavia, old UK, CZ/SK older
  'D1-3 L1-3 D1-4', // US (7ABC123), BE, NL
  'D L X DDDD', // CZ (1T4 3213)
  'LL DDDDD', // PL (two-letter district + five characters)
  'LL DDDD L',
  'LL D L DDD',
  'LLL L DDD', // PL (three-letter district)
  'LLL DD LL',
  'LLL D L DD',
  'L1-2 D1-5 L1-2', // AT, CH, NO/DK, IE-like
  'LL LL DD', // NL sidecodes
  'DD LL DD',
  'DD DD LL',
  'LL DD DD',
  'LL DD LL',
  'DD LLL D',
  'D LLL DD',
  'L DDD LL',
  'LLL DD L',
  'D LL DDD',
  'DDD LL D',
  'DD LL LL',
  'LL LL DD',
  'DD LLL D',
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

/** Every concrete template (class string) of every layout, deduplicated. */
export const TEMPLATES: ReadonlySet<string> = new Set(LAYOUTS.flatMap(expandLayout));

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
 * How plausible a text is as a plate, 0..1: a known regional layout scores 1; otherwise 5–8
 * characters mixing letters and digits 0.7; a 4–8 character word (vanity plates) 0.45; anything
 * shorter or longer is unlikely to be a plate.
 */
export function formatScore(text: string): number {
  const classes = classesOf(text);
  for (const t of TEMPLATES) if (fits(classes, t)) return 1;
  const mixed = /L/.test(classes) && /D/.test(classes);
  if (mixed && text.length >= 5 && text.length <= 8) return 0.7;
  if (text.length >= 4 && text.length <= 8) return 0.6;
  if (text.length === 3 || text.length === 9) return 0.2;
  return 0.05;
}

/** A reading rewritten to fit a layout, and how much that costs in confidence (0..1, 1 = free). */
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
    for (const t of TEMPLATES) {
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
        const p = (c: string) => dist[PLATE_CHARS.indexOf(c)]!;
        fixed += options.reduce((a, b) => (p(b) > p(a) ? b : a));
        swaps++;
      }
      if (swaps > 2 || fixed === text) continue;
      const factor = base * SWAP_FACTOR ** swaps;
      const prev = best.get(fixed);
      if (!prev || prev.factor < factor) best.set(fixed, { text: fixed, kept, factor });
    }
  }
  return [...best.values()].sort((a, b) => b.factor - a.factor);
}
