import type { PlateRegion } from './types.js';

/**
 * European plates (EU countries, UK, the Balkans, CH/NO): one line of text, often a blue band with
 * the country letters on the left. Generic national formats, not a list of plates.
 */
export const EU: PlateRegion = {
  id: 'eu',
  name: 'Europe',
  layouts: [
    ['LL DDD LL', 1], // FR, IT, SK, HR, RS, ME, …
    ['LL DD LLL', 1], // UK since 2001, RO
    ['DDDD LLL', 1], // ES
    ['LLL D3-4', 1], // SE/FI, older UK, CZ/SK older, PL
    ['LL DDDD LL', 0.9], // HR (4 digits), BG, RO
    ['L DDD LLL', 0.9], // UK 1983–2001
    ['LLL DDD L', 0.9], // UK 1963–1983
    ['D1-3 L1-3 D1-4', 0.9], // BE (1ABC234)
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
    ['DDD LLL', 0.85], // older series in several countries
    ['L DDD LL D2-3', 0.85], // RU (A123BC77)
    ['DD L1-3 D2-4', 0.85], // TR (34 ABC 123)
  ],
  clues: [],
  unlisted: { mixed: 0.6, lettersOnly: 0.6, digitsOnly: 0.6 },
  // The band trimmer and the layouts do most of the work; the swaps are the common OCR confusions.
  lookAlikes: {
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
  },
  swapDoubt: 0,
  // One line of wide characters (79 mm high, about 50 mm wide with the spacing); a lone line of
  // narrower ones is more likely a US serial whose small state name was not found.
  shapeWeight: { stacked: 1, lone: 1.3, charWidth: [0.47, Infinity] },
};
