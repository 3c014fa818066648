import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDictionary, plateModelFiles } from './model-files.js';
import { createOrtModels } from './ort-models.js';
import { readCrops } from './read-crops.js';
import type { Candidate } from './plate-candidates.js';
import type { PlateModels, RgbImage } from './types.js';

/**
 * A white 480×120 photo with `text` in black: "ABC1234" spans x = 81–319, y = 43–78. `band` puts
 * an EU-blue band (26 px wide, the text's height and more) just left of the text.
 */
async function platePhoto(text = 'ABC1234', band = false): Promise<RgbImage> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120">` +
    `<rect width="480" height="120" fill="#fff"/>` +
    (band ? `<rect x="50" y="30" width="26" height="60" fill="#1c3f94"/>` : '') +
    `<text x="80" y="78" font-family="DejaVu Sans" font-weight="bold" font-size="48" fill="#111">${text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true }); // prettier-ignore
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

// The real recogniser: the looser cut of a region that clips the first letter reads it whole.
describe('readCrops', () => {
  let models: PlateModels & { release(): Promise<void> };
  let dictionary: string[];
  let photo: RgbImage;
  beforeAll(async () => {
    const files = await plateModelFiles();
    models = await createOrtModels(files);
    dictionary = loadDictionary(files.dictionary);
    photo = await platePhoto();
  });
  afterAll(() => models.release());

  it('reads a loose region once more, cut wider, as its own reading', async () => {
    // A box that starts 36 px into the text, most of the way through the "A".
    const box = { cx: 218, cy: 60.5, width: 202, height: 37, angle: 0, score: 1 };
    const candidate: Candidate = { box, shapeScore: 1, atEdge: false, down: 0.5 };
    const seen = await readCrops(photo, [candidate], [], models, dictionary, [candidate]);
    expect(seen.readings).toHaveLength(2);
    expect(seen.readings[1]!.candidate).toBe(candidate);
    // The usual cut (a margin of 0.2 × the height) loses the clipped "A"; the loose one has it.
    expect(seen.readings[0]!.decoded.text).toBe('BC1234');
    expect(seen.readings[1]!.decoded.text).toBe('ABC1234');
    expect(seen.euBand).toBe(false);
  });

  it('finds an EU band beside a serial, and not beside a word', async () => {
    // The text's box, taking in the band at its left as the detector's box does.
    const box = { cx: 186, cy: 60.5, width: 275, height: 40, angle: 0, score: 1 };
    const candidate: Candidate = { box, shapeScore: 1, atEdge: false, down: 0.5 };
    const serial = await readCrops(await platePhoto('ABC1234', true), [candidate], [], models, dictionary); // prettier-ignore
    expect(serial.readings[0]!.decoded.text).toBe('ABC1234');
    expect(serial.euBand).toBe(true);
    const word = await readCrops(await platePhoto('PARKING', true), [candidate], [], models, dictionary); // prettier-ignore
    expect(word.euBand).toBe(false);
  });
});
