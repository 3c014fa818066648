import type { RgbImage } from './types.js';

/**
 * EU plates start with a blue band (stars and the country letters, "D", "NL", "HR"). The
 * recogniser happily reads those letters as part of the plate, so cut the band off: find the run
 * of strongly blue columns at the left edge of a level crop and keep what is right of it.
 * Returns the crop unchanged when there is no band.
 */
export function trimCountryBand(crop: RgbImage): RgbImage {
  const { data, width, height } = crop;
  const blueColumn = (x: number) => {
    let blue = 0;
    for (let y = Math.floor(height * 0.2); y < Math.ceil(height * 0.8); y++) {
      const i = (y * width + x) * 3;
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (b > r + 35 && b > g + 10) blue++;
    }
    return blue > height * 0.3; // most of the column's middle is blue (letters are white/yellow)
  };
  const limit = Math.floor(width * 0.3);
  let firstBlue = -1;
  let lastBlue = -1;
  for (let x = 0; x < limit; x++) {
    if (blueColumn(x)) {
      if (firstBlue < 0) firstBlue = x;
      lastBlue = x;
    } else if (firstBlue >= 0 && x - lastBlue > 2) break;
  }
  const bandWidth = lastBlue - firstBlue + 1;
  // A band is narrow (≈ a character wide) and starts near the left edge of the text box.
  if (
    firstBlue < 0 ||
    firstBlue > width * 0.12 ||
    bandWidth < height * 0.25 ||
    bandWidth > height * 1.2
  ) {
    return crop;
  }
  // A plate that is blue all over (white on blue) has no separate band.
  let blueAfter = 0;
  for (let x = lastBlue + 1; x < width; x += 2) if (blueColumn(x)) blueAfter++;
  if (blueAfter > (width - lastBlue) / 2 / 4) return crop;
  // The band is a deep blue, far darker than the white or yellow plate beside it. Pale blue (a sky
  // or a gradient printed on a US plate, a sign's light ground) is as bright as the plate.
  if (bandLuma(crop, firstBlue, lastBlue) > BAND_DARKNESS * plateWhite(crop, lastBlue + 1)) {
    return crop;
  }
  const cut = lastBlue + 1;
  const out = new Uint8Array((width - cut) * height * 3);
  for (let y = 0; y < height; y++) {
    out.set(data.subarray((y * width + cut) * 3, (y * width + width) * 3), y * (width - cut) * 3);
  }
  return { data: out, width: width - cut, height };
}

/**
 * How much darker than the plate's white an EU band is at most: its blue reflects about a tenth as
 * much light as the white, which a camera shows at roughly 0.4–0.6 of the white's brightness.
 */
const BAND_DARKNESS = 0.7;

/** Rec. 601 luma of an RGB pixel, 0..255. */
function luma(data: Uint8Array, i: number): number {
  return 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
}

/** Mean luma of the blue pixels in columns `from`..`to` (the band; letters and stars left out). */
function bandLuma({ data, width, height }: RgbImage, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = from; x <= to; x++) {
      const i = (y * width + x) * 3;
      if (data[i + 2]! > data[i]! + 35 && data[i + 2]! > data[i + 1]! + 10) {
        sum += luma(data, i);
        n++;
      }
    }
  }
  return n === 0 ? 255 : sum / n;
}

/** The plate's ground right of column `from`: the brightest tenth of its middle rows' pixels. */
function plateWhite({ data, width, height }: RgbImage, from: number): number {
  const counts = new Uint32Array(256);
  let n = 0;
  for (let y = Math.floor(height * 0.2); y < Math.ceil(height * 0.8); y++) {
    for (let x = from; x < width; x++) {
      counts[Math.round(luma(data, (y * width + x) * 3))]!++;
      n++;
    }
  }
  let seen = 0;
  for (let v = 255; v >= 0; v--) if ((seen += counts[v]!) > n * 0.1) return v;
  return 0;
}
