import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@shipml/random';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBenchmark } from '../benchmark-format.js';
import { generateSet } from './generate.js';
import { blankUsPlate, readPlateBlanks } from './plate-blanks.js';
import { FONTS } from './plate-drawing.js';

/** A plate picture 250×125: a ground colour with a darker band across the top (the state name). */
function blankPicture(ground: string): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="250" height="125">` +
    `<rect width="250" height="125" fill="${ground}"/><rect width="250" height="22" fill="#1d3e8c"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

describe('real blank plates (--blanks)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'blanks-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'az1996.jpg'), await blankPicture('#f3efe2'));
    writeFileSync(join(dir, 'de1970.jpg'), await blankPicture('#1b2a6b'));
    writeFileSync(join(dir, 'default.jpg'), await blankPicture('#ffffff'));
    writeFileSync(join(dir, 'notes.txt'), 'not a picture');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every picture, its state from the file name, and whether its serial band is dark', async () => {
    const blanks = await readPlateBlanks(dir);
    expect(blanks.map((b) => [b.name, b.state, b.dark])).toEqual([
      ['az1996', 'AZ', false],
      ['de1970', 'DE', true],
      ['default', undefined, false], // starts with DE, but is no state's
    ]);
    expect(blanks[0]!.dataUri).toMatch(/^data:image\/png;base64,/);
  });

  it('prints a light serial on a dark blank and the state’s formats on a known one', async () => {
    const blanks = await readPlateBlanks(dir);
    const delaware = blanks.filter((b) => b.state === 'DE');
    const random = createRandom(5);
    for (let i = 0; i < 30; i++) {
      const plate = blankUsPlate(random, { hard: false, fonts: FONTS }, delaware);
      expect(['#f4f4f4', '#f2c21b']).toContain(plate.ink);
      // Delaware prints digits only; vanity plates are the exception.
      if (plate.region !== 'us-vanity') expect(plate.printed).toMatch(/^\d{5,6}$/);
      expect(plate.svg).toContain(delaware[0]!.dataUri);
    }
  });

  it('draws a labelled set on the blanks', async () => {
    const out = mkdtempSync(join(tmpdir(), 'blank-set-'));
    try {
      const blanks = await readPlateBlanks(dir);
      const samples = await generateSet(out, 4, 3, { set: 'us', blanks });
      expect(samples.every((s) => /^us-(az|de|default|vanity)$/.test(s.region))).toBe(true);
      const labels = await readBenchmark(out);
      expect(labels.map((l) => l.plates[0]!.text)).toEqual(samples.map((s) => s.text));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('says which folder has no pictures, and which file is not one', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-blanks-'));
    try {
      await expect(readPlateBlanks(empty)).rejects.toThrow(/no JPEG, PNG or WebP/);
      writeFileSync(join(empty, 'broken.png'), 'not a png');
      await expect(readPlateBlanks(empty)).rejects.toThrow(/broken\.png: not a picture/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
