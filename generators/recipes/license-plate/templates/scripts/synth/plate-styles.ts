import type { Random } from './random.js';

/**
 * A plate to draw: the blank plate as SVG, and the text to print into `textBox` (stretched to fill
 * it, as plate fonts are condensed to fit). Text is rendered separately because SVG text sizing
 * differs between renderers.
 */
export interface PlateDrawing {
  /** Printed text, e.g. "AB-123-CD"; the label is this without separators. */
  printed: string;
  region: string;
  svg: string;
  width: number;
  height: number;
  textBox: { x: number; y: number; width: number; height: number };
  font: string;
  ink: string;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'; // most countries skip I, O, Q on plates
const DIGITS = '0123456789';

/** Fill a pattern: L → letter, D → digit, anything else is kept ("LL-DDD-LL" → "AB-123-CD"). */
export function fillPattern(pattern: string, random: Random): string {
  return [...pattern]
    .map((c) => (c === 'L' ? random.pick([...LETTERS]) : c === 'D' ? random.pick([...DIGITS]) : c))
    .join('');
}

/** Fonts fontconfig finds on a Debian machine with fonts-dejavu (Pango font descriptions). */
const FONTS = [
  'DejaVu Sans Condensed Bold',
  'DejaVu Sans Mono Bold',
  'DejaVu Sans Bold',
  'DejaVu Serif Condensed Bold',
];

/** EU plate: blue band with a ring of stars and the country code, black text on white (or yellow). */
function euPlate(random: Random): PlateDrawing {
  const [country, pattern, ground] = random.pick([
    ['D', 'LL LL DDDD', '#f4f4f0'],
    ['D', 'L LL DDD', '#f4f4f0'],
    ['F', 'LL-DDD-LL', '#f4f4f0'],
    ['I', 'LL DDDLL', '#f4f4f0'],
    ['NL', 'LL-DDD-L', '#f2c21b'],
    ['E', 'DDDD LLL', '#f4f4f0'],
    ['PL', 'LL DDDDD', '#f4f4f0'],
    ['HR', 'LL DDD-LL', '#f4f4f0'],
    ['CZ', 'DLD DDDD', '#f4f4f0'],
    ['SK', 'LL-DDDLL', '#f4f4f0'],
    ['B', 'D-LLL-DDD', '#f6f6f6'],
  ] as const);
  const printed = fillPattern(pattern, random);
  const [w, h] = [520, 110];
  const font = random.pick(FONTS);
  const stars = Array.from({ length: 12 }, (_, i) => {
    const a = (i / 12) * 2 * Math.PI;
    return `<circle cx="${25 + 13 * Math.cos(a)}" cy="${33 + 13 * Math.sin(a)}" r="2.2" fill="#f7d117"/>`;
  }).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
    `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" rx="9" fill="${ground}" stroke="#222" stroke-width="4"/>` +
    `<rect x="4" y="4" width="44" height="${h - 8}" rx="5" fill="#1c3f94"/>${stars}` +
    `<text x="26" y="${h - 14}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${country.length > 1 ? 22 : 28}" fill="#fff">${country}</text>` +
    `</svg>`;
  const textBox = { x: 64, y: 14, width: w - 82 - random.int(0, 60), height: h - 28 };
  return { printed, region: `eu-${country}`, svg, width: w, height: h, textBox, font, ink: '#111' };
}

/** UK plate: white at the front, yellow at the rear, "AB12 CDE" in black. */
function ukPlate(random: Random): PlateDrawing {
  const printed = fillPattern(random.pick(['LLDD LLL', 'LDDD LLL']), random);
  const ground = random.pick(['#f5f5f2', '#f6c900']);
  const [w, h] = [520, 111];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
    `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" rx="8" fill="${ground}" stroke="#333" stroke-width="2"/>` +
    `</svg>`;
  const textBox = { x: 30, y: 16, width: w - 60, height: h - 32 };
  return {
    printed,
    region: 'uk',
    svg,
    width: w,
    height: h,
    textBox,
    font: random.pick(FONTS),
    ink: '#0d0d0d',
  };
}

/** US-style plate: 2:1, state name on top, dark characters, a slogan below. */
function usPlate(random: Random): PlateDrawing {
  const printed = fillPattern(
    random.pick(['DLLLDDD', 'LLL DDDD', 'LLL-DDDD', 'DLL DDD', 'LLL DDD']),
    random,
  );
  const [state, colour] = random.pick([
    ['California', '#b3262b'],
    ['Texas', '#1d2f6f'],
    ['Ohio', '#a11'],
    ['Oregon', '#1c5a2e'],
    ['New York', '#1d3e8c'],
  ] as const);
  const [w, h] = [300, 150];
  const ink = random.pick(['#1d2f6f', '#111', '#6a1010']);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fbfbfb"/><stop offset="1" stop-color="#dfe6ee"/></linearGradient></defs>` +
    `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" rx="12" fill="url(#g)" stroke="#555" stroke-width="2"/>` +
    `<text x="${w / 2}" y="32" text-anchor="middle" font-family="DejaVu Serif" font-style="italic" font-weight="bold" font-size="26" fill="${colour}">${state}</text>` +
    `<text x="${w / 2}" y="${h - 12}" text-anchor="middle" font-family="DejaVu Sans" font-size="12" fill="${colour}">${random.pick(['DMV.CA.GOV', 'THE LONE STAR STATE', 'BIRTHPLACE OF AVIATION', 'PACIFIC WONDERLAND', 'EMPIRE STATE'])}</text>` +
    `</svg>`;
  const textBox = { x: 22, y: 44, width: w - 44, height: 72 };
  return {
    printed,
    region: 'us',
    svg,
    width: w,
    height: h,
    textBox,
    font: random.pick(FONTS),
    ink,
  };
}

/** A random plate from one of the regional styles. */
export function drawPlate(random: Random): PlateDrawing {
  return random.pick([euPlate, euPlate, ukPlate, usPlate])(random);
}
