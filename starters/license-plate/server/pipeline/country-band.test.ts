import { describe, expect, it } from 'vitest';
import { trimCountryBand } from './country-band.js';
import { darkShare } from './text-polarity.js';
import type { RgbImage } from './types.js';

/** A 48-high crop: `band` px of `blue` (EU blue by default) at the left (after `margin` px of grey), then white. */
function plateCrop(
  width: number,
  band: number,
  margin = 4,
  ground: [number, number, number] = [240, 240, 240],
  blue: [number, number, number] = [28, 63, 148],
): RgbImage {
  const data = new Uint8Array(width * 48 * 3);
  for (let y = 0; y < 48; y++) {
    for (let x = 0; x < width; x++) {
      const rgb = x < margin ? [120, 120, 120] : x < margin + band ? blue : ground;
      data.set(rgb, (y * width + x) * 3);
    }
  }
  return { data, width, height: 48 };
}

describe('trimCountryBand', () => {
  it('cuts the blue EU band off the left of a plate', () => {
    const out = trimCountryBand(plateCrop(240, 20));
    expect(out.width).toBe(240 - 24);
    expect(out.data[0]).toBe(240);
  });

  it('leaves a plate without a band alone', () => {
    const crop = plateCrop(240, 0);
    expect(trimCountryBand(crop)).toBe(crop);
  });

  it('leaves a pale blue edge alone: a sky or a gradient printed on the plate, not a band', () => {
    const crop = plateCrop(240, 20, 4, [240, 240, 240], [150, 190, 240]);
    expect(trimCountryBand(crop)).toBe(crop);
  });

  it('leaves an all-blue plate alone (white on blue, no separate band)', () => {
    const crop = plateCrop(240, 20, 4, [28, 63, 148]);
    expect(trimCountryBand(crop)).toBe(crop);
  });
});

/** A 48-high crop of vertical strokes (every third column) in `ink` on `ground`. */
function strokes(ink: number, ground: number): RgbImage {
  const width = 120;
  const data = new Uint8Array(width * 48 * 3);
  for (let i = 0; i < width * 48; i++) data.fill(i % 3 === 0 ? ink : ground, i * 3, i * 3 + 3);
  return { data, width, height: 48 };
}

describe('darkShare', () => {
  it('is low for dark text on a light plate and high for light text on dark', () => {
    expect(darkShare(strokes(20, 235))).toBeLessThan(0.4);
    expect(darkShare(strokes(235, 20))).toBeGreaterThan(0.6);
  });
});
