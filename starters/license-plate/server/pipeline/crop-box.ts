import type { RgbImage, RotatedBox } from './types.js';

/**
 * Cut a rotated box out of the photo and turn it level, resampled to `height` pixels high
 * (bilinear). Sampling the full-resolution photo means a small, far plate still gets every pixel
 * the camera recorded, not the detector's downscaled view.
 * `padX`/`padY` grow the box on each side by that fraction of its height before cutting: the
 * detector's boxes can clip a thin last character such as "I". `stretch` widens the crop by that
 * factor along the text (more recogniser steps per character).
 */
export function cropBox(
  image: RgbImage,
  box: RotatedBox,
  { height = 48, maxWidth = 384, padX = 0.2, padY = 0, stretch = 1 } = {},
): RgbImage {
  const bw = box.width + 2 * padX * box.height;
  const bh = box.height * (1 + 2 * padY);
  const width = Math.max(8, Math.min(maxWidth, Math.round((stretch * height * bw) / bh)));
  const ux = Math.cos(box.angle), uy = Math.sin(box.angle); // prettier-ignore
  const sx = bw / width,
    sy = bh / height; // photo pixels per crop pixel, along and across the text
  const out = new Uint8Array(width * height * 3);
  const { data, width: W, height: H } = image;
  for (let j = 0; j < height; j++) {
    const v = (j + 0.5) * sy - bh / 2;
    for (let i = 0; i < width; i++) {
      const u = (i + 0.5) * sx - bw / 2;
      // Position in the photo, clamped to its edges, then a bilinear blend of the 4 neighbours.
      const x = Math.min(W - 1, Math.max(0, box.cx + u * ux - v * uy - 0.5));
      const y = Math.min(H - 1, Math.max(0, box.cy + u * uy + v * ux - 0.5));
      const x0 = Math.floor(x), y0 = Math.floor(y); // prettier-ignore
      const x1 = Math.min(W - 1, x0 + 1), y1 = Math.min(H - 1, y0 + 1); // prettier-ignore
      const fx = x - x0, fy = y - y0; // prettier-ignore
      for (let c = 0; c < 3; c++) {
        const top = data[(y0 * W + x0) * 3 + c]! * (1 - fx) + data[(y0 * W + x1) * 3 + c]! * fx;
        const bottom = data[(y1 * W + x0) * 3 + c]! * (1 - fx) + data[(y1 * W + x1) * 3 + c]! * fx;
        out[(j * width + i) * 3 + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { data: out, width, height };
}
