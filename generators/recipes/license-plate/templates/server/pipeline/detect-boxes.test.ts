import { describe, expect, it } from 'vitest';
import { detectBoxes } from './detect-boxes.js';
import type { Tensor } from './types.js';

/** A [1, 1, h, w] probability map with filled rectangles of the given probability. */
function probMap(
  w: number,
  h: number,
  rects: [x: number, y: number, rw: number, rh: number, p: number][],
): Tensor {
  const data = new Float32Array(w * h);
  for (const [x, y, rw, rh, p] of rects) {
    for (let j = y; j < y + rh; j++) for (let i = x; i < x + rw; i++) data[j * w + i] = p;
  }
  return { datatype: 'FP32', shape: [1, 1, h, w], data };
}

describe('detectBoxes (DB post-processing)', () => {
  it('finds one box per text region, unclipped to the full text size', () => {
    const boxes = detectBoxes(
      probMap(200, 100, [
        [20, 20, 60, 10, 0.9],
        [120, 60, 40, 8, 0.8],
      ]),
    );
    expect(boxes).toHaveLength(2);
    const [a, b] = [...boxes].sort((p, q) => p.cx - q.cx);
    expect(a!.cx).toBeCloseTo(50, 0);
    expect(a!.cy).toBeCloseTo(25, 0);
    // The map marks a shrunk text core; unclipping grows each side by area·r/perimeter.
    const d = (60 * 10 * 1.6) / (2 * 70);
    expect(a!.width).toBeCloseTo(60 + 2 * d, 1);
    expect(a!.height).toBeCloseTo(10 + 2 * d, 1);
    expect(a!.score).toBeCloseTo(0.9);
    expect(b!.cx).toBeCloseTo(140, 0);
  });

  it('drops faint regions and specks', () => {
    const boxes = detectBoxes(
      probMap(100, 100, [
        [10, 10, 40, 10, 0.4],
        [70, 70, 2, 2, 0.95],
      ]),
    );
    expect(boxes).toHaveLength(0);
  });

  it('follows a tilted line of text', () => {
    const w = 200;
    const data = new Float32Array(w * 100);
    // A 120×10 band tilted by ~0.2 rad.
    for (let u = 0; u < 120; u++) {
      for (let v = 0; v < 10; v++) {
        const x = Math.round(40 + u * Math.cos(0.2) - v * Math.sin(0.2));
        const y = Math.round(30 + u * Math.sin(0.2) + v * Math.cos(0.2));
        data[y * w + x] = 0.9;
      }
    }
    const [box] = detectBoxes({ datatype: 'FP32', shape: [1, 1, 100, w], data });
    expect(box!.angle).toBeCloseTo(0.2, 1);
    expect(box!.width / box!.height).toBeGreaterThan(4);
  });
});
