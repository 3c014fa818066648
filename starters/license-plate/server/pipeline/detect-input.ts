import sharp from 'sharp';
import type { RgbImage, Tensor } from './types.js';

// PaddleOCR normalises det inputs with ImageNet statistics, applied to BGR channel order.
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];
/** Per output channel, the normalised value of each byte: (byte/255 − mean) / std, precomputed. */
const NORMALISED = MEAN.map((mean, c) =>
  Float32Array.from({ length: 256 }, (_, v) => (v / 255 - mean) / STD[c]!),
);

export interface DetectInput {
  /** [1, 3, H, W] FP32: BGR planes, each (pixel/255 − mean) / std. H and W are multiples of 32. */
  tensor: Tensor;
  /** Multiply a coordinate of the det map by these to get photo pixels. */
  scaleX: number;
  scaleY: number;
}

/**
 * Step 2a — resize the photo for the text detector and lay it out as NCHW floats.
 * The network downsamples 32×, so both sides are rounded to a multiple of 32; the long side is
 * capped at `maxSide` because detection time grows with the pixel count. A smaller image (a small
 * photo, a zoomed-in region) is enlarged towards `maxSide`, by at most `maxEnlarge` times, so
 * small text gets more pixels: the detector misses text under about 10 px high.
 */
export async function toDetectInput(
  image: RgbImage,
  maxSide = 736,
  maxEnlarge = 1,
): Promise<DetectInput> {
  const fit = maxSide / Math.max(image.width, image.height);
  const scale = Math.min(Math.max(1, maxEnlarge), fit);
  const w = Math.max(32, Math.round((image.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((image.height * scale) / 32) * 32);
  const resized = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .resize(w, h, { fit: 'fill' })
    .raw()
    .toBuffer();
  const plane = w * h;
  const data = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const value = NORMALISED[c]!;
    const out = data.subarray(c * plane, (c + 1) * plane);
    // RGB in, BGR out: output channel c reads input channel 2 − c.
    for (let i = 0, src = 2 - c; i < plane; i++, src += 3) out[i] = value[resized[src]!]!;
  }
  return {
    tensor: { datatype: 'FP32', shape: [1, 3, h, w], data },
    scaleX: image.width / w,
    scaleY: image.height / h,
  };
}
