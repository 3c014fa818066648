import { trimCountryBand } from './country-band.js';
import { cropBox } from './crop-box.js';
import { linesAround } from './lines-around.js';
import type { Candidate } from './plate-candidates.js';
import type { Reading } from './rank.js';
import { recognizeCrops } from './recognize-batches.js';
import { darkShare } from './text-polarity.js';
import type { PlateModels, RgbImage, RotatedBox } from './types.js';

/** What one recognition batch saw: plate readings, the text around them, and any EU band. */
export interface CropReadings {
  readings: Reading[];
  /** Text of the lines stacked around the best candidates (state name, slogan): clues only. */
  aroundTexts: string[];
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
 * Step 4 — crop every candidate level (minus any EU band) and every context line, recognise them
 * all (in a few batches of similar width).
 */
export async function readCrops(
  photo: RgbImage,
  candidates: Candidate[],
  around: RotatedBox[],
  models: PlateModels,
  dictionary: string[],
): Promise<CropReadings> {
  if (candidates.length + around.length === 0) return { readings: [], aroundTexts: [], euBand: false }; // prettier-ignore
  const level = candidates.map((c) => cropBox(photo, c.box));
  const crops = level.map(trimCountryBand);
  const euBand = crops.some((crop, i) => crop.width !== level[i]!.width);
  const decoded = await recognizeCrops(
    [...crops, ...around.map((b) => cropBox(photo, b))],
    models,
    dictionary,
  );
  return {
    readings: candidates.map((candidate, i) => ({
      candidate,
      decoded: decoded[i]!,
      darkShare: darkShare(crops[i]!),
    })),
    aroundTexts: decoded.slice(candidates.length).map((d) => d.text),
    euBand,
  };
}
