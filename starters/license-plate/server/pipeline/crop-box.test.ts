import { describe, expect, it } from 'vitest';
import { cropBox } from './crop-box.js';
import type { RgbImage } from './types.js';

/** 200×100 grey image with a black 100×20 bar whose centre is (100, 50), tilted by `angle`. */
function barImage(angle: number): RgbImage {
  const width = 200;
  const height = 100;
  const data = new Uint8Array(width * height * 3).fill(200);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5 - 100) * Math.cos(angle) + (y + 0.5 - 50) * Math.sin(angle);
      const v = -(x + 0.5 - 100) * Math.sin(angle) + (y + 0.5 - 50) * Math.cos(angle);
      if (Math.abs(u) < 50 && Math.abs(v) < 10)
        data.fill(0, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { data, width, height };
}

describe('cropBox', () => {
  it('cuts a tilted box out level, 48 px high, keeping the aspect ratio', () => {
    const crop = cropBox(
      barImage(0.25),
      { cx: 100, cy: 50, width: 100, height: 20, angle: 0.25, score: 1 },
      { padX: 0 },
    );
    expect(crop.height).toBe(48);
    expect(crop.width).toBe(240);
    // Levelled: the whole crop is the black bar (only edge pixels blend with the background).
    let dark = 0;
    for (let i = 0; i < crop.width * crop.height; i++) if (crop.data[i * 3]! < 60) dark++;
    expect(dark / (crop.width * crop.height)).toBeGreaterThan(0.9);
  });

  it('pads along the text and caps the width', () => {
    const box = { cx: 100, cy: 50, width: 100, height: 20, angle: 0, score: 1 };
    expect(cropBox(barImage(0), box, { padX: 0.5 }).width).toBe(Math.round((48 * 120) / 20));
    expect(cropBox(barImage(0), box, { maxWidth: 100 }).width).toBe(100);
  });

  it('stretches the crop along the text', () => {
    const box = { cx: 100, cy: 50, width: 100, height: 20, angle: 0, score: 1 };
    const plain = cropBox(barImage(0), box, { padX: 0 });
    const stretched = cropBox(barImage(0), box, { padX: 0, stretch: 1.25 });
    expect(stretched.height).toBe(48);
    expect(stretched.width).toBe(Math.round(1.25 * plain.width));
  });
});
