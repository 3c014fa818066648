import { describe, expect, it } from 'vitest';
import { trimCountryBand } from './country-band.js';
import { darkShare } from './text-polarity.js';
import type { RgbImage } from './types.js';

/** A 48-high crop: `band` px of EU blue at the left (after `margin` px of grey), then white. */
function plateCrop(
  width: number,
  band: number,
  margin = 4,
  ground: [number, number, number] = [240, 240, 240],
): RgbImage {
  const data = new Uint8Array(width * 48 * 3);
  for (let y = 0; y < 48; y++) {
    for (let x = 0; x < width; x++) {
      const rgb = x < margin ? [120, 120, 120] : x < margin + band ? [28, 63, 148] : ground;
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

  it('leaves an all-blue plate alone (white on blue, no separate band)', () => {
    const crop = plateCrop(240, 20, 4, [28, 63, 148]);
    expect(trimCountryBand(crop)).toBe(crop);
  });
});

describe('darkShare', () => {
  it('is low for dark text on a light plate and high for light text on dark', () => {
    const light = plateCrop(100, 0, 10, [240, 240, 240]); // 10% grey "text" on white
    expect(darkShare(light)).toBeLessThan(0.2);
    const dark = plateCrop(100, 0, 10, [20, 20, 20]);
    expect(darkShare(dark)).toBeGreaterThan(0.8);
  });
});
