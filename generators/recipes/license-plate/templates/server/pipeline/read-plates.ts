import { cropBox } from './crop-box.js';
import { trimCountryBand } from './country-band.js';
import { ctcDecode } from './ctc-decode.js';
import { decodeImage } from './decode-image.js';
import { detectBoxes } from './detect-boxes.js';
import { toDetectInput } from './detect-input.js';
import { loadDictionary, plateModelFiles } from './model-files.js';
import { plateCandidates, toPhotoBoxes, type Candidate } from './plate-candidates.js';
import { rankReadings, type Reading } from './rank.js';
import { toRecognizeInput } from './recognize-input.js';
import { darkShare } from './text-polarity.js';
import type { PlateModels, PlateReading, RgbImage, RotatedBox } from './types.js';
import { cutRegion, zoomRegions, type Region } from './zoom-regions.js';

export interface ReadPlatesOptions {
  /** Recogniser classes (see `loadDictionary`); defaults to the dictionary models.json declares. */
  dictionary?: string[];
  /** Reject photos with more pixels than this (default 40 MP). */
  maxPixels?: number;
  /** Long side of the detector's input in pixels (default 736): bigger finds smaller plates, slower. */
  detectMaxSide?: number;
  /** How many plate-like regions to read (default 4). */
  maxCandidates?: number;
  /** Look again, magnified, around the best regions when the best reading is unsure (default true). */
  zoom?: boolean;
}

let bundledDictionary: Promise<string[]> | undefined;

/** The PP-OCR dictionary declared in models.json (read once per process). */
async function defaultDictionary(): Promise<string[]> {
  return loadDictionary((await plateModelFiles()).dictionary);
}

/** Below this confidence the best reading is "unsure" and the zoom pass runs. */
const UNSURE = 0.7;

/**
 * Read the licence plates in a photo: decode → detect text → pick plate-like regions → recognise
 * them in one batch → rank; when unsure, look again closer at the best regions.
 * `image` is the uploaded file (JPEG, PNG or WebP bytes).
 * @throws PlateInputError subclasses (status 400/415) for bytes that are not a usable image
 */
export async function readPlates(
  image: Buffer,
  models: PlateModels,
  opts: ReadPlatesOptions = {},
): Promise<PlateReading> {
  const dictionary = opts.dictionary ?? (await (bundledDictionary ??= defaultDictionary()));
  const timingsMs: Record<string, number> = {};
  const start = performance.now();
  let t = start;
  const lap = (name: string) => {
    const now = performance.now();
    timingsMs[name] = Math.round((now - t) * 10) / 10;
    t = now;
  };

  // 1. Pixels, upright.
  const photo = await decodeImage(image, { maxPixels: opts.maxPixels });
  lap('decode');

  // 2 + 3. Where is there text, and which of it could be a plate?
  const boxes = await findText(photo, models, opts.detectMaxSide ?? 736);
  const candidates = plateCandidates(boxes, photo, opts.maxCandidates);
  lap('detect');

  // 4. Read all candidate crops in one batch.
  let readings = await readCandidates(photo, candidates, models, dictionary);
  lap('recognize');

  // 5. Most plate-like reading first.
  let plates = rankReadings(readings);
  lap('rank');

  // 6. Unsure (a far plate, found only in part)? Detect again, magnified, around the best regions.
  if ((opts.zoom ?? true) && (plates[0]?.confidence ?? 0) < UNSURE && candidates.length > 0) {
    const closer: RotatedBox[] = [];
    for (const region of zoomRegions(candidates, photo)) {
      closer.push(...(await findText(photo, models, 480, region)));
    }
    const more = plateCandidates(closer, photo, opts.maxCandidates);
    readings = readings.concat(await readCandidates(photo, more, models, dictionary));
    plates = rankReadings(readings);
    lap('zoom');
  }
  timingsMs.total = Math.round((performance.now() - start) * 10) / 10;
  // Boxes were found at working size; answer in the pixels of the photo that was sent.
  return {
    plates: plates.map((p) => ({ ...p, box: inPhotoPixels(p.box, photo.scale) })),
    timingsMs,
  };
}

/** Scales an [x1, y1, x2, y2] box from working pixels back to the uploaded photo's pixels. */
function inPhotoPixels(box: [number, number, number, number], scale: number) {
  return box.map((v) => Math.round(v * scale)) as [number, number, number, number];
}

/**
 * Step 2 — run the text detector on the photo (or a region of it, magnified up to `maxSide`) and
 * return rotated text boxes in photo pixels.
 */
async function findText(
  photo: RgbImage,
  models: PlateModels,
  maxSide: number,
  region?: Region,
): Promise<RotatedBox[]> {
  const source = region ? cutRegion(photo, region) : photo;
  const det = await toDetectInput(source, maxSide, region !== undefined);
  // [1, 1, H, W]: for every pixel of the input, the probability that it lies inside a text line.
  const map = await models.detect(det.tensor);
  const boxes = toPhotoBoxes(detectBoxes(map), det.scaleX, det.scaleY);
  return region ? boxes.map((b) => ({ ...b, cx: b.cx + region.x, cy: b.cy + region.y })) : boxes;
}

/** Step 4 — crop every candidate level (minus any EU band), recognise them all in one batch. */
async function readCandidates(
  photo: RgbImage,
  candidates: Candidate[],
  models: PlateModels,
  dictionary: string[],
): Promise<Reading[]> {
  if (candidates.length === 0) return [];
  const crops = candidates.map((c) => trimCountryBand(cropBox(photo, c.box)));
  // [N, T, 6625]: for each crop and each 8-pixel column step, a probability per character class.
  const probs = await models.recognize(toRecognizeInput(crops));
  return ctcDecode(probs, dictionary).map((decoded, i) => ({
    candidate: candidates[i]!,
    decoded,
    darkShare: darkShare(crops[i]!),
  }));
}
