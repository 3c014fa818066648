import type { RgbImage } from './types.js';

/**
 * Share of dark pixels in the middle of a crop (the text rows, away from the padded ends), 0..1,
 * splitting at the midpoint between its darkest and brightest tenth. Nearly all plates print dark
 * characters on a light ground, so the strokes are the minority and this stays below ~0.5; light
 * text on a dark ground (shop signs, badges) scores high.
 */
export function darkShare(crop: RgbImage): number {
  const { data, width, height } = crop;
  const luma: number[] = [];
  for (let y = Math.floor(height * 0.25); y < Math.ceil(height * 0.75); y++) {
    for (let x = Math.floor(width * 0.1); x < Math.ceil(width * 0.9); x++) {
      const i = (y * width + x) * 3;
      luma.push(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
    }
  }
  if (luma.length === 0) return 0.5;
  const sorted = [...luma].sort((a, b) => a - b);
  const low = sorted[Math.floor(sorted.length * 0.1)]!;
  const high = sorted[Math.floor(sorted.length * 0.9)]!;
  const mid = (low + high) / 2;
  return luma.filter((l) => l < mid).length / luma.length;
}
