import type { Candidate } from './plate-candidates.js';
import type { RgbImage } from './types.js';

/** An axis-aligned part of the photo, in photo pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Long side of the zoomed detector input: a window is enlarged up to this (at most 4×). */
export const ZOOM_SIDE = 480;

/** A window is worth a second look only if it shows the text this much larger than before. */
const MIN_GAIN = 1.5;

/**
 * Where to look again, closer, when the first pass is unsure: around each of the best candidates,
 * a window wide enough for a whole plate (a far plate is often found only in part, e.g. "935" of
 * "YR 64935") and a few text heights tall. Overlapping windows are skipped, and so are windows the
 * detector would not see larger than in the first pass (`detectSide`: its long side then) — a near
 * plate that is unsure because of its format gains nothing from a second look.
 */
export function zoomRegions(
  candidates: Candidate[],
  photo: { width: number; height: number },
  detectSide: number,
  limit = 2,
): Region[] {
  const firstScale = Math.min(1, detectSide / Math.max(photo.width, photo.height));
  const regions: Region[] = [];
  for (const { box } of candidates.slice(0, limit)) {
    const w = Math.min(photo.width, Math.max(box.width * 1.8, box.height * 10));
    const h = Math.min(photo.height, box.height * 4);
    const x = Math.round(Math.min(Math.max(0, box.cx - w / 2), photo.width - w));
    const y = Math.round(Math.min(Math.max(0, box.cy - h / 2), photo.height - h));
    const r = { x, y, width: Math.round(w), height: Math.round(h) };
    if (r.width < 8 || r.height < 8) continue;
    const zoomScale = Math.min(4, ZOOM_SIDE / Math.max(r.width, r.height));
    if (zoomScale < MIN_GAIN * firstScale) continue;
    if (
      regions.some((o) => Math.abs(o.x - r.x) < r.width / 2 && Math.abs(o.y - r.y) < r.height / 2)
    )
      continue;
    regions.push(r);
  }
  return regions;
}

/** Copy a region out of the photo (rows of RGB bytes). */
export function cutRegion(image: RgbImage, r: Region): RgbImage {
  const data = new Uint8Array(r.width * r.height * 3);
  for (let y = 0; y < r.height; y++) {
    const start = ((r.y + y) * image.width + r.x) * 3;
    data.set(image.data.subarray(start, start + r.width * 3), y * r.width * 3);
  }
  return { data, width: r.width, height: r.height };
}
