import type { RgbImage } from './types.js';

/**
 * Share of dark pixels in a crop, 0..1, splitting at the midpoint of its brightness range.
 * Nearly all plates print dark characters on a light ground, so text with a mostly dark
 * background (shop signs, badges, stickers) scores high here.
 */
export function darkShare(crop: RgbImage): number {
  const { data, width, height } = crop;
  const luma = new Float32Array(width * height);
  let min = 255;
  let max = 0;
  for (let i = 0; i < luma.length; i++) {
    const l = 0.299 * data[i * 3]! + 0.587 * data[i * 3 + 1]! + 0.114 * data[i * 3 + 2]!;
    luma[i] = l;
    min = Math.min(min, l);
    max = Math.max(max, l);
  }
  const mid = (min + max) / 2;
  let dark = 0;
  for (const l of luma) if (l < mid) dark++;
  return dark / luma.length;
}
