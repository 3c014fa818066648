import { rankInRegion, type PhotoEvidence } from './choose-region.js';
import { decodeImage } from './decode-image.js';
import { detectBoxes } from './detect-boxes.js';
import { toDetectInput } from './detect-input.js';
import { loadDictionary, plateModelFiles } from './model-files.js';
import { plateCandidates, toPhotoBoxes } from './plate-candidates.js';
import { findClue } from './plate-clues.js';
import { contextLines, readCrops, type CropReadings } from './read-crops.js';
import type { RegionSetting } from './regions/types.js';
import type { PlateModels, PlateReading, RgbImage, RotatedBox } from './types.js';
import { cutRegion, ZOOM_SIDE, zoomRegions, type Region } from './zoom-regions.js';

export interface ReadPlatesOptions {
  /** Recogniser classes (see `loadDictionary`); defaults to the dictionary models.json declares. */
  dictionary?: string[];
  /** Reject photos with more pixels than this (default 40 MP). */
  maxPixels?: number;
  /** Long side of the detector's input in pixels (default 736): bigger finds smaller plates, slower. */
  detectMaxSide?: number;
  /** How many plate-like regions to read (default 4). */
  maxCandidates?: number;
  /**
   * When the best reading is unsure, look again: magnified around the best regions, and at the
   * best regions cut looser (default true).
   */
  zoom?: boolean;
  /**
   * Whose plate formats to read with: `eu`, `us`, `br`, or `auto` (the default) to choose per
   * photo from what it shows (a state name or slogan, an EU band, the plate's layout).
   */
  region?: RegionSetting;
  /** Look at the whole photo once more, enlarged, when nothing plate-like was read (default true). */
  secondLook?: boolean;
}

let bundledDictionary: Promise<string[]> | undefined;

/** The PP-OCR dictionary declared in models.json (read once per process). */
async function defaultDictionary(): Promise<string[]> {
  return loadDictionary((await plateModelFiles()).dictionary);
}

/** Below this confidence the best reading is "unsure" and the zoom pass runs. */
const UNSURE = 0.7;
/** Below this (after zooming), nothing plate-like was read: look again at the whole photo, larger. */
const NOTHING = 0.4;

/**
 * Read the licence plates in a photo: decode → detect text → pick plate-like regions → recognise
 * them (and the lines around them) in one batch → choose the region → rank; when unsure, look
 * again closer at the best regions; when nothing was found, once more at the whole photo, larger.
 * `image` is the uploaded file (JPEG, PNG or WebP bytes). Answers, for example:
 * `{ plates: [{ text: '7ABC123', confidence: 0.93, box: [412, 530, 610, 590] }],
 *    region: { id: 'us', name: 'United States', state: 'California', from: 'photo',
 *              evidence: 'words' },
 *    timingsMs: { decode: 5, detect: 48, recognize: 27, rank: 1, total: 81 } }`
 * @throws PlateInputError subclasses (status 400/415) for bytes that are not a usable image
 */
export async function readPlates(
  image: Buffer,
  models: PlateModels,
  opts: ReadPlatesOptions = {},
): Promise<PlateReading> {
  const dictionary = opts.dictionary ?? (await (bundledDictionary ??= defaultDictionary()));
  const setting = opts.region ?? 'auto';
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
  const detectSide = opts.detectMaxSide ?? 736;
  const boxes = await findText(photo, models, detectSide);
  const candidates = plateCandidates(boxes, photo, opts.maxCandidates);
  lap('detect');

  // 4. Read all candidate crops, and the lines around the best ones, in one batch.
  const seen = await readCrops(photo, candidates, contextLines(candidates, boxes), models, dictionary); // prettier-ignore
  lap('recognize');

  // 5. Which region's plates is this (words around it, an EU band, its layout)? Rank in it.
  let result = rankInRegion(seen.readings, setting, photoEvidence(seen, boxes));
  lap('rank');

  // 6. Unsure (a far plate, found only in part; a character clipped or merged)? Detect again,
  //    magnified, around the best regions, and read the best regions once more, cut looser.
  const confidence = () => result.plates[0]?.confidence ?? 0;
  if ((opts.zoom ?? true) && confidence() < UNSURE && candidates.length > 0) {
    const closer: RotatedBox[] = [];
    for (const region of zoomRegions(candidates, photo, detectSide)) {
      closer.push(...(await findText(photo, models, ZOOM_SIDE, region)));
    }
    const more = plateCandidates(closer, photo, opts.maxCandidates);
    merge(seen, await readCrops(photo, more, [], models, dictionary, candidates.slice(0, 2)));
    boxes.push(...closer);
    result = rankInRegion(seen.readings, setting, photoEvidence(seen, boxes));
    lap('zoom');
  }

  // 7. Nothing plate-like at all (a small far plate the detector missed, a dark plate), or with
  //    `auto` only text that fits no region's layouts (a sign's word)? Look at the whole photo
  //    again, enlarged, with a more lenient detector.
  if ((opts.secondLook ?? true) && nothingRead(result)) {
    const larger = await findText(photo, models, SECOND_LOOK_SIDE, undefined, true);
    const more = plateCandidates(larger, photo, opts.maxCandidates);
    merge(seen, await readCrops(photo, more, contextLines(more, larger), models, dictionary));
    boxes.push(...larger);
    result = rankInRegion(seen.readings, setting, photoEvidence(seen, boxes));
    lap('secondLook');
  }
  timingsMs.total = Math.round((performance.now() - start) * 10) / 10;
  // Boxes were found at working size; answer in the pixels of the photo that was sent.
  return {
    plates: result.plates.map((p) => ({ ...p, box: inPhotoPixels(p.box, photo.scale) })),
    region: result.region,
    timingsMs,
  };
}

/**
 * Step 7's question: was anything plate-like read? Not when the best reading is unsure
 * (`NOTHING`). Nor, with `auto`, when it fits no region's listed layouts and nothing else on the
 * photo chose the region (`evidence: 'none'`): Europe weighs any unlisted text 0.6, so a word on a
 * sign ("CAFE") would pass for a plate read, and the plate the first pass missed would never be
 * looked for. (In the US such a text weighs 0.4 at most, under `NOTHING` once read.)
 */
export function nothingRead({ plates, region }: Pick<PlateReading, 'plates' | 'region'>): boolean {
  return (plates[0]?.confidence ?? 0) < NOTHING || region?.evidence === 'none';
}

/** Long side of the second look's detector input: small photos are enlarged up to this. */
const SECOND_LOOK_SIDE = 1280;

/** Add a later pass's readings to what was seen so far. */
function merge(seen: CropReadings, more: CropReadings): void {
  seen.readings.push(...more.readings);
  seen.around.push(...more.around);
  seen.euBand ||= more.euBand;
}

/**
 * What the photo says about the plate's region: clue words among everything read (and where they
 * were read), an EU band.
 */
function photoEvidence(seen: CropReadings, boxes: RotatedBox[]): PhotoEvidence {
  const lines = [
    ...seen.readings.map((r) => ({ box: r.candidate.box, text: r.decoded.text })),
    ...seen.around,
  ];
  const found = lines.map((line) => ({ box: line.box, clue: findClue(line.text) }));
  const clueLines = found.filter((f) => f.clue !== undefined);
  return {
    clues: clueLines.map((f) => f.clue!),
    clueBoxes: clueLines.map((f) => f.box),
    euBand: seen.euBand,
    boxes,
  };
}

/** Scales an [x1, y1, x2, y2] box from working pixels back to the uploaded photo's pixels. */
function inPhotoPixels(box: [number, number, number, number], scale: number) {
  return box.map((v) => Math.round(v * scale)) as [number, number, number, number];
}

/**
 * Step 2 — run the text detector on the photo (or a region of it, magnified up to `maxSide`) and
 * return rotated text boxes in photo pixels. `lenient` also enlarges the whole photo and keeps
 * fainter text.
 */
async function findText(
  photo: RgbImage,
  models: PlateModels,
  maxSide: number,
  region?: Region,
  lenient = false,
): Promise<RotatedBox[]> {
  const source = region ? cutRegion(photo, region) : photo;
  const det = await toDetectInput(source, maxSide, region !== undefined || lenient ? 4 : 1);
  // [1, 1, H, W]: for every pixel of the input, the probability that it lies inside a text line.
  const map = await models.detect(det.tensor);
  // Lenient: keep fainter regions (a dark or dirty plate's text scores lower).
  const found = detectBoxes(map, lenient ? { boxThreshold: 0.4 } : {});
  const boxes = toPhotoBoxes(found, det.scaleX, det.scaleY);
  return region ? boxes.map((b) => ({ ...b, cx: b.cx + region.x, cy: b.cy + region.y })) : boxes;
}
