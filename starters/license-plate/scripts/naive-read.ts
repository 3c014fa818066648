import { cropBox } from '../server/pipeline/crop-box.js';
import { decodeImage } from '../server/pipeline/decode-image.js';
import { detectBoxes } from '../server/pipeline/detect-boxes.js';
import { toDetectInput } from '../server/pipeline/detect-input.js';
import { rectCorners } from '../server/pipeline/min-area-rect.js';
import { isSerialLike } from '../server/pipeline/plate-format.js';
import { toPhotoBoxes } from '../server/pipeline/plate-candidates.js';
import { textConfidence } from '../server/pipeline/rank.js';
import { recognizeCrops } from '../server/pipeline/recognize-batches.js';
import type { Plate, PlateModels, PlateReading, RotatedBox } from '../server/pipeline/types.js';

/**
 * A baseline for the eval, not part of the app: detect text once (long side 736), read every
 * line, and answer the most confident line of 4–9 characters that mixes letters and digits — no
 * candidate shapes, region formats, look-alike repairs or second looks. The pipeline should beat
 * this; where it does not, its extra steps are throwing the right line away.
 */
export async function naiveRead(
  image: Buffer,
  models: PlateModels,
  dictionary: string[],
): Promise<PlateReading> {
  const photo = await decodeImage(image);
  const det = await toDetectInput(photo, 736);
  const boxes = toPhotoBoxes(detectBoxes(await models.detect(det.tensor)), det.scaleX, det.scaleY);
  const decoded = await recognizeCrops(
    boxes.map((b) => cropBox(photo, b)),
    models,
    dictionary,
  );
  const lines = decoded
    .map((d, i): Plate => ({
      text: d.text,
      confidence: textConfidence(d.charProbs),
      box: bounds(boxes[i]!),
    }))
    .filter((l) => isSerialLike(l.text))
    .sort((a, b) => b.confidence - a.confidence);
  return { plates: lines, timingsMs: {} };
}

/** Axis-aligned [x1, y1, x2, y2] of a rotated box, in photo pixels. */
function bounds(box: RotatedBox): Plate['box'] {
  const xs = rectCorners(box).map((p) => p.x), ys = rectCorners(box).map((p) => p.y); // prettier-ignore
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map(Math.round) as Plate['box']; // prettier-ignore
}
