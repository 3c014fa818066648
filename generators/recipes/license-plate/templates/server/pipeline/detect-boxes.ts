import { minAreaRect } from './min-area-rect.js';
import type { Point, RotatedBox, Tensor } from './types.js';

export interface DbOptions {
  /** A pixel is "text" when its probability is above this (PaddleOCR: 0.3). */
  threshold?: number;
  /** Drop regions whose mean probability is below this (PaddleOCR: 0.6). */
  boxThreshold?: number;
  /** Grow each region by area × ratio / perimeter, undoing the shrunk training targets (1.5). */
  unclipRatio?: number;
  /** Ignore regions whose short side is below this many map pixels. */
  minSize?: number;
}

/**
 * Step 2b — DB post-processing: turn the detector's probability map into rotated text boxes.
 * `map` is [1, 1, H, W] FP32, the probability that each pixel lies inside a (shrunk) text line.
 * Threshold it, label 4-connected regions, fit the smallest rotated rectangle to each, then grow it
 * ("unclip") back to the full text size. Boxes come back in map pixels.
 */
export function detectBoxes(map: Tensor, opts: DbOptions = {}): RotatedBox[] {
  const { threshold = 0.3, boxThreshold = 0.5, unclipRatio = 1.6, minSize = 3 } = opts;
  const [, , h = 0, w = 0] = map.shape;
  const prob = map.data as Float32Array;
  const labels = new Int32Array(w * h);
  const stack: number[] = [];
  const boxes: RotatedBox[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (labels[start] !== 0 || prob[start]! <= threshold) continue;
    // Flood-fill one region, keeping its edge pixels (enough for the convex hull) and its mean score.
    next++;
    labels[start] = next;
    stack.push(start);
    const edge: Point[] = [];
    let sum = 0;
    let count = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      sum += prob[i]!;
      count++;
      let inner = true;
      for (const j of [
        x > 0 ? i - 1 : -1,
        x < w - 1 ? i + 1 : -1,
        y > 0 ? i - w : -1,
        y < h - 1 ? i + w : -1,
      ]) {
        if (j < 0 || prob[j]! <= threshold) {
          inner = false;
          continue;
        }
        if (labels[j] === 0) {
          labels[j] = next;
          stack.push(j);
        }
      }
      if (!inner) edge.push({ x, y }, { x: x + 1, y }, { x, y: y + 1 }, { x: x + 1, y: y + 1 });
    }
    if (count < minSize * minSize || sum / count < boxThreshold) continue;
    const rect = minAreaRect(edge);
    if (Math.min(rect.width, rect.height) < minSize) continue;
    // Unclip: offset the polygon outwards by d = A·r/L (the inverse of DB's shrink rule).
    const d = (rect.width * rect.height * unclipRatio) / (2 * (rect.width + rect.height));
    boxes.push({
      ...rect,
      width: rect.width + 2 * d,
      height: rect.height + 2 * d,
      score: sum / count,
    });
  }
  return boxes;
}
