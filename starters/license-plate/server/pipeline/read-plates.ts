import { cropBox } from './crop-box.js';
import { trimCountryBand } from './country-band.js';
import { ctcDecode } from './ctc-decode.js';
import { decodeImage } from './decode-image.js';
import { detectBoxes } from './detect-boxes.js';
import { toDetectInput } from './detect-input.js';
import { bundledModelFiles, loadDictionary } from './model-files.js';
import { plateCandidates, toPhotoBoxes } from './plate-candidates.js';
import { rankReadings, type Reading } from './rank.js';
import { toRecognizeInput } from './recognize-input.js';
import { darkShare } from './text-polarity.js';
import type { PlateModels, PlateReading } from './types.js';

export interface ReadPlatesOptions {
  /** Recogniser classes (see `loadDictionary`); defaults to the bundled PP-OCR dictionary. */
  dictionary?: string[];
  /** Reject photos with more pixels than this (default 40 MP). */
  maxPixels?: number;
  /** Long side of the detector's input in pixels (default 736): bigger finds smaller plates, slower. */
  detectMaxSide?: number;
  /** How many plate-like regions to read (default 4). */
  maxCandidates?: number;
}

let bundledDictionary: string[] | undefined;

/**
 * Read the licence plates in a photo: decode → detect text → pick plate-like regions → recognise
 * them in one batch → rank. `image` is the uploaded file (JPEG, PNG or WebP bytes).
 * @throws PlateInputError subclasses (status 400/415) for bytes that are not a usable image
 */
export async function readPlates(
  image: Buffer,
  models: PlateModels,
  opts: ReadPlatesOptions = {},
): Promise<PlateReading> {
  const dictionary =
    opts.dictionary ?? (bundledDictionary ??= loadDictionary(bundledModelFiles().dictionary));
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

  // 2. Where is there text? Probability map → rotated boxes in photo pixels.
  const det = await toDetectInput(photo, opts.detectMaxSide);
  const map = await models.detect(det.tensor);
  const boxes = toPhotoBoxes(detectBoxes(map), det.scaleX, det.scaleY);
  lap('detect');

  // 3. Which of those could be a plate? Crop them level, 48 px high.
  const candidates = plateCandidates(boxes, photo, opts.maxCandidates);
  const crops = candidates.map((c) => trimCountryBand(cropBox(photo, c.box)));
  lap('crop');

  // 4. Read all crops in one batch.
  let readings: Reading[] = [];
  if (crops.length > 0) {
    const probs = await models.recognize(toRecognizeInput(crops));
    readings = ctcDecode(probs, dictionary).map((decoded, i) => ({
      candidate: candidates[i]!,
      decoded,
      darkShare: darkShare(crops[i]!),
    }));
  }
  lap('recognize');

  // 5. Most plate-like reading first.
  const plates = rankReadings(readings);
  lap('rank');
  timingsMs.total = Math.round((performance.now() - start) * 10) / 10;
  return { plates, timingsMs };
}
