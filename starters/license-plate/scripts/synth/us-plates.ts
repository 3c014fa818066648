import type { Random } from '@shipml/random';
import { fillPattern, type PlateDrawing, type StyleOptions } from './plate-drawing.js';

/**
 * US states as they look on a plate: the name on top, serial patterns (L letter, D digit; a space
 * or dash is printed as is), a slogan or web address below, and the ink colours. Public facts,
 * approximate on purpose: a few states here are not in the pipeline's region data, and every
 * state also gets the occasional vanity plate, so the set also measures what the data misses.
 */
const STATES: {
  name: string;
  serials: string[];
  slogans: string[];
  title: string;
  ink: string;
}[] = [
  { name: 'California', serials: ['DLLLDDD'], slogans: ['dmv.ca.gov', ''], title: '#b3262b', ink: '#1d2f6f' }, // prettier-ignore
  { name: 'NEW YORK', serials: ['LLL-DDDD'], slogans: ['EMPIRE STATE', 'Excelsior'], title: '#1d3e8c', ink: '#1d3e8c' }, // prettier-ignore
  { name: 'TEXAS', serials: ['LLL-DDDD', 'LL DDDD'], slogans: ['THE LONE STAR STATE'], title: '#1d2f6f', ink: '#111' }, // prettier-ignore
  { name: 'FLORIDA', serials: ['LLL LDD', 'DDD LLL', 'LDD DLL'], slogans: ['Sunshine State', 'MYFLORIDA.COM'], title: '#1c6b3a', ink: '#1c6b3a' }, // prettier-ignore
  { name: 'ARIZONA', serials: ['LLLDDDD', 'DDD LLL'], slogans: ['GRAND CANYON STATE'], title: '#8b1e1e', ink: '#1d2f6f' }, // prettier-ignore
  { name: 'Illinois', serials: ['LL DDDDD', 'L DDD DDD'], slogans: ['LAND OF LINCOLN'], title: '#1d2f6f', ink: '#7a1111' }, // prettier-ignore
  { name: 'PENNSYLVANIA', serials: ['LLL-DDDD'], slogans: ['visitPA.com'], title: '#1d2f6f', ink: '#1d2f6f' }, // prettier-ignore
  { name: 'NEW JERSEY', serials: ['LDD-LLL', 'LDD LLL'], slogans: ['GARDEN STATE'], title: '#111', ink: '#111' }, // prettier-ignore
  { name: 'Massachusetts', serials: ['DLL DDD', 'DLLL DD'], slogans: ['The Spirit of America'], title: '#b3262b', ink: '#b3262b' }, // prettier-ignore
  { name: 'OHIO', serials: ['LLL DDDD'], slogans: ['BIRTHPLACE OF AVIATION'], title: '#a11', ink: '#111' }, // prettier-ignore
  { name: 'Washington', serials: ['LLLDDDD'], slogans: ['Evergreen State'], title: '#1c5a2e', ink: '#1d2f6f' }, // prettier-ignore
  { name: 'GEORGIA', serials: ['LLL DDDD'], slogans: ['In God We Trust', 'FULTON'], title: '#111', ink: '#111' }, // prettier-ignore
  { name: 'Pure Michigan', serials: ['LLL DDDD', 'DLL LDD'], slogans: ['michigan.org'], title: '#1d3e8c', ink: '#111' }, // prettier-ignore
  { name: 'COLORADO', serials: ['LLL-LDD', 'DDD-LLL'], slogans: [''], title: '#1c5a2e', ink: '#1c5a2e' }, // prettier-ignore
  { name: 'NEVADA', serials: ['DDD-LDD', 'DDL-DDD'], slogans: ['Home Means Nevada', 'THE SILVER STATE'], title: '#1d3e8c', ink: '#1d3e8c' }, // prettier-ignore
  { name: 'OREGON', serials: ['DDD LLL', 'LLL DDD'], slogans: ['PACIFIC WONDERLAND'], title: '#1c5a2e', ink: '#1d2f6f' }, // prettier-ignore
  { name: 'Maryland', serials: ['DLL DDDD', 'DLL LDD'], slogans: [''], title: '#111', ink: '#111' }, // prettier-ignore
  { name: 'Virginia', serials: ['LLL-DDDD'], slogans: ['Virginia is for Lovers'], title: '#1d3e8c', ink: '#1d3e8c' }, // prettier-ignore
  { name: 'NORTH CAROLINA', serials: ['LLL-DDDD'], slogans: ['FIRST IN FLIGHT'], title: '#7a1111', ink: '#1d3e8c' }, // prettier-ignore
  { name: 'UTAH', serials: ['LDD DLL', 'DDD LD'], slogans: ['LIFE ELEVATED'], title: '#7a1111', ink: '#111' }, // prettier-ignore
  { name: 'KENTUCKY', serials: ['DDD LLL'], slogans: ['Unbridled Spirit'], title: '#1d3e8c', ink: '#1d3e8c' }, // prettier-ignore
];

/** Dealer frames: the name of the shop, a town, a phone number. */
const FRAMES = [
  'SMITH FORD',
  'VALLEY TOYOTA',
  'HONDA OF MESA',
  'AUTONATION',
  'CARMAX',
  'METRO KIA',
];

/** What a dealer frame prints under (or over) the plate besides its name. */
const FRAME_LINES = ['555-0142', 'SINCE 1978', 'MESA AZ', 'ROUTE 9', 'SALES SERVICE'];

/** Share of vanity plates, and their texts. */
export const VANITY_SHARE = 0.08;
export const VANITY = ['LUVMYCAR', 'GO4IT', 'ILUVNY', 'SURFS UP', 'BIGDADY', 'MY TOY', 'TEXAN1'];

/**
 * A registration sticker in a corner (a coloured square with the year) on half the plates, and a
 * dealer frame on a third: it covers the plate's rim, and its text lies over the plate's bottom
 * line. SVG, drawn over the plate; `framed` says whether a frame was drawn.
 */
export function stickerAndFrame(
  random: Random,
  w: number,
  h: number,
): { svg: string; framed: boolean } {
  const frame = random.next() < 0.35 ? random.pick(FRAMES) : undefined;
  const [sx, sy] = [random.pick([14, w - 52]), random.pick([10, h - 38])];
  const sticker =
    random.next() < 0.5
      ? `<rect x="${sx}" y="${sy}" width="38" height="26" fill="${random.pick(['#e53935', '#43a047', '#fdd835', '#1e88e5'])}"/>` +
        `<text x="${sx + 19}" y="${sy + 19}" text-anchor="middle" font-size="14" font-family="DejaVu Sans" font-weight="bold" fill="#111">${random.intBetween(22, 27)}</text>`
      : '';
  const frameSvg = frame
    ? `<rect x="2" y="2" width="${w - 4}" height="${h - 4}" rx="12" fill="none" stroke="#1a1a1a" stroke-width="10"/>` +
      `<rect x="2" y="${h - 20}" width="${w - 4}" height="18" fill="#1a1a1a"/>` +
      `<text x="${w / 2}" y="${h - 6}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="13" fill="#ddd">${frame}</text>`
    : '';
  return { svg: sticker + frameSvg, framed: frame !== undefined };
}

/**
 * Where the serial goes on a 2:1 plate `w` wide: centred, its width growing with its length (short
 * vanity texts are not stretched to the rim), a little shorter when a frame covers the bottom.
 */
export function serialBox(random: Random, printed: string, w: number, framed: boolean) {
  const chars = printed.replace(/[^A-Z0-9]/g, '').length;
  const width = Math.min(w - 44, Math.round(chars * random.range(30, 37)));
  return { x: Math.round((w - width) / 2), y: 44, width, height: framed ? 62 : 70 };
}

/**
 * `hard` clutter, as on real plates: four bolts, a dealer frame that also prints a line over the
 * plate (covering the top of the state name), and a sticker right beside the serial. SVG, drawn
 * over the plate's own.
 */
export function hardClutter(random: Random, w: number, h: number): string {
  const bolt = (x: number, y: number) =>
    `<circle cx="${x}" cy="${y}" r="6" fill="#8a8a8a" stroke="#333" stroke-width="2"/>`;
  const bolts = random.next() < 0.7 ? [bolt(0.1 * w, 0.12 * h), bolt(0.9 * w, 0.12 * h), bolt(0.1 * w, 0.88 * h), bolt(0.9 * w, 0.88 * h)].join('') : ''; // prettier-ignore
  const topFrame =
    random.next() < 0.35
      ? `<rect x="2" y="0" width="${w - 4}" height="${random.intBetween(14, 24)}" fill="#1a1a1a"/>` +
        `<text x="${w / 2}" y="14" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="12" fill="#ddd">${random.pick(FRAME_LINES)}</text>`
      : '';
  const sx = random.pick([6, w - 34]);
  const side =
    random.next() < 0.3
      ? `<rect x="${sx}" y="${random.intBetween(50, 80)}" width="28" height="${random.intBetween(20, 30)}" fill="${random.pick(['#e53935', '#43a047', '#fdd835', '#1e88e5'])}"/>` +
        `<text x="${sx + 14}" y="${random.intBetween(70, 92)}" text-anchor="middle" font-size="13" font-family="DejaVu Sans" font-weight="bold" fill="#111">${random.pick(['25', 'JUN', '7', 'A'])}</text>`
      : '';
  return bolts + topFrame + side;
}

/**
 * A US plate, 2:1: the state name above the serial, a slogan below, sometimes a registration
 * sticker in a corner, a dealer frame around it, a dark (legacy) colour scheme, or a vanity text.
 * `hard` adds bolts, frame text over the plate and stickers beside the serial (`hardClutter`).
 */
export function usPlate(random: Random, { hard, fonts }: StyleOptions): PlateDrawing {
  const state = random.pick(STATES);
  const vanity = random.next() < VANITY_SHARE;
  const printed = vanity ? random.pick(VANITY) : fillPattern(random.pick(state.serials), random);
  const dark = random.next() < 0.12;
  const ground = dark ? random.pick(['#141414', '#14235a']) : '#f7f7f4';
  const ink = dark ? '#f2c21b' : state.ink;
  const titleInk = dark ? '#f2c21b' : state.title;
  const [w, h] = [300, 150];
  const slogan = random.pick(state.slogans);
  const italic = random.next() < 0.5 ? 'italic' : 'normal';
  const extras = stickerAndFrame(random, w, h);
  const sloganY = extras.framed ? h - 26 : h - 12;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${ground}"/><stop offset="1" stop-color="${dark ? '#000' : '#dfe6ee'}"/></linearGradient></defs>` +
    `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" rx="12" fill="url(#g)" stroke="#555" stroke-width="2"/>` +
    `<text x="${w / 2}" y="34" text-anchor="middle" font-family="DejaVu Serif" font-style="${italic}" font-weight="bold" font-size="${state.name.length > 10 ? 22 : 28}" fill="${titleInk}">${state.name}</text>` +
    `<text x="${w / 2}" y="${sloganY}" text-anchor="middle" font-family="DejaVu Sans" font-size="13" fill="${titleInk}">${slogan}</text>` +
    extras.svg +
    (hard ? hardClutter(random, w, h) : '') +
    `</svg>`;
  const textBox = serialBox(random, printed, w, extras.framed);
  return {
    printed,
    region: vanity ? 'us-vanity' : `us-${state.name.toLowerCase().replace('pure ', '')}`,
    svg,
    width: w,
    height: h,
    textBox,
    font: random.pick(fonts),
    ink,
  };
}
