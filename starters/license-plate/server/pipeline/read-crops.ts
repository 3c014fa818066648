import { trimCountryBand } from './country-band.js';
import { cropBox } from './crop-box.js';
import { linesAround } from './lines-around.js';
import { isSerialLike } from './plate-format.js';
import type { Candidate } from './plate-candidates.js';
import type { Reading } from './rank.js';
import { recognizeCrops } from './recognize-batches.js';
import { darkShare } from './text-polarity.js';
import type { PlateModels, RgbImage, RotatedBox } from './types.js';

/** What one recognition batch saw: plate readings, the text around them, and any EU band. */
export interface CropReadings {
  readings: Reading[];
  /** The lines stacked around the best candidates (state name, slogan) and their text: clues only. */
  around: { box: RotatedBox; text: string }[];
  /** A blue EU band was cut off at least one candidate. */
  euBand: boolean;
}

/**
 * The lines stacked above and below the two most plate-like candidates (at most `limit`), which
 * are read alongside them: the words there say which region and state the plate is from.
 */
export function contextLines(
  candidates: Candidate[],
  boxes: RotatedBox[],
  limit = 3,
): RotatedBox[] {
  const taken = new Set(candidates.map((c) => c.box));
  const out: RotatedBox[] = [];
  for (const c of candidates.slice(0, 2)) {
    for (const b of linesAround(c.box, boxes)) if (!taken.has(b) && !out.includes(b)) out.push(b);
  }
  return out.slice(0, limit);
}

/**
 * How a plate's text is cut for the recogniser: stretched 1.5× along the line. The recogniser
 * emits one character guess per 8 columns of its 48-px-high input and was trained on print whose
 * letters are about as wide as tall; plate characters are tall and narrow, so an unstretched cut
 * gives it only 2–3 guesses per character, and neighbours run together ("AE6126" for "ABE6126").
 */
export const PLATE_CROP = { stretch: 1.5 };

/**
 * A looser cut of a region, for a second reading when the first is unsure: wider margins (the
 * detector's box can clip a first or last character, or a sticker crowds it).
 */
export const LOOSE_CROP = { ...PLATE_CROP, padX: 0.45, padY: 0.1 };

/**
 * Step 4 — crop every candidate level (`PLATE_CROP`, minus any EU band) and every context line, recognise them
 * all (in a few batches of similar width). `loose` regions are read once more, cut with
 * `LOOSE_CROP`; each such reading competes with the others as its own option.
 */
export async function readCrops(
  photo: RgbImage,
  candidates: Candidate[],
  around: RotatedBox[],
  models: PlateModels,
  dictionary: string[],
  loose: Candidate[] = [],
): Promise<CropReadings> {
  const regions = [...candidates, ...loose];
  if (regions.length + around.length === 0) return { readings: [], around: [], euBand: false }; // prettier-ignore
  const level = regions.map((c, i) => cropBox(photo, c.box, i < candidates.length ? PLATE_CROP : LOOSE_CROP)); // prettier-ignore
  const crops = level.map(trimCountryBand);
  const decoded = await recognizeCrops(
    [...crops, ...around.map((b) => cropBox(photo, b))],
    models,
    dictionary,
  );
  // An EU band sits beside a serial. Only the usual cut says whether there is one: a looser one
  // can take in the blue of other plates (a Brazilian plate's top band).
  const euBand = crops.some(
    (crop, i) =>
      i < candidates.length && crop.width !== level[i]!.width && isSerialLike(decoded[i]!.text),
  );
  return {
    readings: regions.map((candidate, i) => ({
      candidate,
      decoded: decoded[i]!,
      darkShare: darkShare(crops[i]!),
    })),
    around: around.map((box, i) => ({ box, text: decoded[regions.length + i]!.text })),
    euBand,
  };
}
