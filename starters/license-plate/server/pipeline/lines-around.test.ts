import { describe, expect, it } from 'vitest';
import { linesAround } from './lines-around.js';
import type { RotatedBox } from './types.js';

const box = (cx: number, cy: number, width: number, height: number): RotatedBox => ({
  cx,
  cy,
  width,
  height,
  angle: 0,
  score: 0.9, // prettier-ignore
});

describe('linesAround', () => {
  const serial = box(200, 100, 160, 40);

  it('finds the state name above and the slogan below a US serial', () => {
    const state = box(200, 55, 120, 20);
    const slogan = box(205, 140, 140, 12);
    expect(linesAround(serial, [serial, state, slogan])).toEqual([state, slogan]);
  });

  it('ignores text beside the plate, far away, or bigger than the serial', () => {
    const beside = box(400, 100, 100, 30);
    const far = box(200, 300, 120, 20);
    const bigger = box(200, 40, 200, 50);
    expect(linesAround(serial, [serial, beside, far, bigger])).toEqual([]);
  });
});
