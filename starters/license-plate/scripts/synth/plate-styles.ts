import type { Random } from '@shipml/random';
import { blankUsPlate } from './plate-blanks.js';
import { brPlate } from './br-plates.js';
import { fillPattern, FONTS, type PlateDrawing, type StyleOptions } from './plate-drawing.js';
import { usPlate } from './us-plates.js';

/** EU plate: blue band with a ring of stars and the country code, black text on white (or yellow). */
function euPlate(random: Random, { fonts }: StyleOptions): PlateDrawing {
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
  const font = random.pick(fonts);
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
  const textBox = { x: 64, y: 14, width: w - 82 - random.intBetween(0, 60), height: h - 28 };
  return { printed, region: `eu-${country}`, svg, width: w, height: h, textBox, font, ink: '#111' };
}

/** UK plate: white at the front, yellow at the rear, "AB12 CDE" in black. */
function ukPlate(random: Random, { fonts }: StyleOptions): PlateDrawing {
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
    font: random.pick(fonts),
    ink: '#0d0d0d',
  };
}

/** Which plates a set holds: `mixed` (EU, UK, US), or one region's styles only. */
export type PlateSet = 'mixed' | 'eu' | 'us' | 'br';

/** A random plate from one of the set's styles (`hard`: US plates with more clutter around the serial). */
export function drawPlate(
  random: Random,
  set: PlateSet = 'mixed',
  options: StyleOptions = { hard: false, fonts: FONTS },
): PlateDrawing {
  const us = options.blanks?.length
    ? (r: Random, o: StyleOptions) => blankUsPlate(r, o, options.blanks!)
    : usPlate;
  const styles = {
    mixed: [euPlate, euPlate, ukPlate, us],
    eu: [euPlate, euPlate, euPlate, ukPlate],
    us: [us],
    br: [brPlate],
  }[set];
  return random.pick(styles)(random, options);
}
