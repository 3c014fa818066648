import type { RgbImage } from './types.js';

/**
 * Share of dark pixels in the middle of a crop (the text rows, away from the padded ends), 0..1,
 * splitting at the midpoint between its darkest and brightest tenth. Nearly all plates print dark
 * characters on a light ground, so the strokes are the minority and this stays below ~0.5; light
 * text on a dark ground (shop signs, badges) scores high.
 */
export function darkShare(crop: RgbImage): number {
  const { data, width, height } = crop;
  // A histogram of the luma (0..255) finds the tenths without sorting every pixel.
  const counts = new Uint32Array(256);
  let n = 0;
  for (let y = Math.floor(height * 0.25); y < Math.ceil(height * 0.75); y++) {
    for (let x = Math.floor(width * 0.1); x < Math.ceil(width * 0.9); x++) {
      const i = (y * width + x) * 3;
      counts[Math.round(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!)]!++;
      n++;
    }
  }
  if (n === 0) return 0.5;
  /** The luma of the pixel at this rank, as in a sorted list. */
  const atRank = (rank: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += counts[v]!) > rank) return v;
    return 255;
  };
  const mid = (atRank(Math.floor(n * 0.1)) + atRank(Math.floor(n * 0.9))) / 2;
  let dark = 0;
  for (let v = 0; v < mid; v++) dark += counts[v]!;
  return dark / n;
}
