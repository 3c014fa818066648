import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Random } from '@shipml/random';
import sharp from 'sharp';
import { fillPattern, type PlateDrawing, type StyleOptions } from './plate-drawing.js';
import { hardClutter, serialBox, stickerAndFrame, VANITY, VANITY_SHARE } from './us-plates.js';

/**
 * A picture of a real plate design without its serial (the state's name, slogan and artwork),
 * scaled to the 300×150 of the drawn US plates, for the generator to print serials onto.
 */
export interface PlateBlank {
  /** The file's name without extension, e.g. "az1996". */
  name: string;
  /** A US state's postal code when the name starts with one and then no letter ("az1996" → "AZ"). */
  state?: string;
  /** The picture as a PNG data URI, for an SVG `<image>`. */
  dataUri: string;
  /** Whether the band where the serial goes is dark, so the serial must be printed light. */
  dark: boolean;
}

/** US state and DC postal codes: a blank whose file name starts with one is that state's plate. */
const STATE_CODES = new Set(
  (
    'AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE NH ' +
    'NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY'
  ).split(' '),
);

/** Plate size the blanks are scaled to: that of the drawn US plates. */
export const BLANK_SIZE = { width: 300, height: 150 };

/**
 * Read every JPEG/PNG/WebP in `dir` as a blank plate, sorted by name so a seed draws the same set.
 * @throws Error when the folder holds no picture, or a picture cannot be decoded
 */
export async function readPlateBlanks(dir: string): Promise<PlateBlank[]> {
  const files = (await readdir(dir)).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
  if (files.length === 0) throw new Error(`${dir}: no JPEG, PNG or WebP plate pictures in it`);
  return Promise.all(
    files.map(async (file) => {
      const path = join(dir, file);
      let png: Buffer;
      let middle: sharp.Stats;
      try {
        png = await sharp(path)
          .resize(BLANK_SIZE.width, BLANK_SIZE.height, { fit: 'fill' })
          .png()
          .toBuffer();
        // The serial's band: the middle two-fifths of the height, inside the rim.
        const band = { left: 30, top: 45, width: 240, height: 60 };
        middle = await sharp(png).extract(band).greyscale().stats();
      } catch (err) {
        throw new Error(`${path}: not a picture sharp can read (${(err as Error).message})`);
      }
      const name = basename(file, extname(file));
      // "de1970" is Delaware's, "default" is no state's.
      const code = /^([a-z]{2})(?![a-z])/i.exec(name)?.[1]?.toUpperCase() ?? '';
      return {
        name,
        ...(STATE_CODES.has(code) ? { state: code } : {}),
        dataUri: `data:image/png;base64,${png.toString('base64')}`,
        dark: middle.channels[0]!.mean < 110,
      };
    }),
  );
}

/**
 * Common passenger serials by state (L letter, D digit; public DMV facts, approximate on purpose
 * and not the pipeline's own table): several states print digits only, some a county number.
 */
// prettier-ignore
const SERIALS: Record<string, string[]> = {
  AK: ['LLL DDD'], AL: ['DD LL DDD', 'D LDDDD'], AR: ['DDD LLL', 'LLL DDD'], AZ: ['LLL DDDD', 'DDD LLL'],
  CA: ['DLLLDDD'], CO: ['LLL-LDD', 'DDD-LLL'], CT: ['DDD-LLL', 'LL-DDDDD'], DC: ['LL-DDDD'],
  DE: ['DDDDDD', 'DDDDD'], FL: ['LLL LDD', 'DDD LLL'], GA: ['LLL DDDD'], HI: ['LLL DDD'],
  IA: ['LLL DDD', 'DDD LLL'], ID: ['D LDDDDD', 'DL DDDD'], IL: ['LL DDDDD', 'L DDD DDD'], IN: ['DDDL', 'DDDLL'],
  KS: ['DDD LLL'], KY: ['DDD LLL'], LA: ['LLL DDD'], MA: ['DLL DDD', 'DLLL DD'], MD: ['DLL DDDD', 'DLL LDD'],
  ME: ['DDDD LL'], MI: ['LLL DDDD', 'DLL LDD'], MN: ['DDD LLL', 'LLL DDD'], MO: ['LLD LDL'],
  MS: ['LLL DDD'], MT: ['D-DDDDDL'], NC: ['LLL-DDDD'], ND: ['DDD LLL'], NE: ['LLL DDD', 'DD-LDDD'],
  NH: ['DDD DDDD'], NJ: ['LDD-LLL'], NM: ['LLL-DDD'], NV: ['DDL-DDD', 'DDD-LDD'], NY: ['LLL-DDDD'],
  OH: ['LLL DDDD'], OK: ['LLL-DDD'], OR: ['DDD LLL', 'LLL DDD'], PA: ['LLL-DDDD'], RI: ['DDD-DDD', 'LL-DDD'],
  SC: ['LLL DDD'], SD: ['DL DDDD'], TN: ['LDD DDL', 'DDD LLL'], TX: ['LLL-DDDD', 'LL L-DDDD'],
  UT: ['LDD DLL'], VA: ['LLL-DDDD'], VT: ['LLL DDD'], WA: ['LLLDDDD'], WI: ['LLL-DDDD'], WV: ['DLL DDD'], WY: ['D-DDDDD'],
};

/** Serials for a blank of no known state: the formats many states share. */
const COMMON_SERIALS = ['LLL DDDD', 'LLL DDD', 'DDD LLL', 'DLLL DDD'];

/** Inks for the serial: dark on light plates, light on dark ones. */
const DARK_INKS = ['#111111', '#14235a', '#1d3e8c', '#7a1111', '#1c5a2e'];
const LIGHT_INKS = ['#f4f4f4', '#f2c21b'];

/**
 * A US plate printed on a real blank (`--blanks`): the blank's own state name, slogan and artwork,
 * a serial of that state's format (or a vanity text) in a contrasting ink, and the same stickers,
 * dealer frames and `hard` clutter as the drawn US plates.
 */
export function blankUsPlate(
  random: Random,
  { hard, fonts }: StyleOptions,
  blanks: readonly PlateBlank[],
): PlateDrawing {
  const blank = random.pick(blanks);
  const vanity = random.next() < VANITY_SHARE;
  const formats = (blank.state && SERIALS[blank.state]) || COMMON_SERIALS;
  const printed = vanity ? random.pick(VANITY) : fillPattern(random.pick(formats), random);
  const ink = random.pick(blank.dark ? LIGHT_INKS : DARK_INKS);
  const { width: w, height: h } = BLANK_SIZE;
  const extras = stickerAndFrame(random, w, h);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}">` +
    `<image x="0" y="0" width="${w}" height="${h}" preserveAspectRatio="none" xlink:href="${blank.dataUri}"/>` +
    extras.svg +
    (hard ? hardClutter(random, w, h) : '') +
    `</svg>`;
  return {
    printed,
    region: vanity ? 'us-vanity' : `us-${blank.state?.toLowerCase() ?? blank.name}`,
    svg,
    width: w,
    height: h,
    textBox: serialBox(random, printed, w, extras.framed),
    font: random.pick(fonts),
    ink,
  };
}
