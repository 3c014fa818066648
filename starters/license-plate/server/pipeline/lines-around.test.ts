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

  it('finds a state name printed close above a big serial, though the padded boxes overlap', () => {
    // Serial box 62 px high centred at 606; the name's 25-px box ends 9 px inside it.
    const big = box(382, 606, 186, 62);
    const state = box(406, 572, 103, 25);
    expect(linesAround(big, [big, state])).toEqual([state]);
    // A second line of the same text row (centres 10 px apart) is not stacked on it.
    expect(linesAround(big, [big, box(382, 596, 150, 25)])).toEqual([]);
  });

  it('ignores text beside the plate, far away, or bigger than the serial', () => {
    const beside = box(400, 100, 100, 30);
    const far = box(200, 300, 120, 20);
    const bigger = box(200, 40, 200, 50);
    expect(linesAround(serial, [serial, beside, far, bigger])).toEqual([]);
  });
});
