import sharp from 'sharp';
import { CorruptImageError, ImageTooLargeError, UnsupportedImageError } from './errors.js';
import type { DecodedPhoto } from './types.js';

const FORMATS = new Set(['jpeg', 'png', 'webp']);

export interface DecodeOptions {
  /** Reject images with more pixels than this before decoding them (default 40 MP). */
  maxPixels?: number;
  /** Downscale so the long side is at most this many pixels (default 2048); crops come from here. */
  maxSide?: number;
}

/**
 * Step 1 — decode the upload into raw RGB pixels (HWC, uint8), upright as the camera saw it.
 * Only the header is read before the size check, so a decompression bomb costs nothing.
 * @throws UnsupportedImageError (415) for non-images, ImageTooLargeError (400), CorruptImageError (400)
 */
export async function decodeImage(bytes: Buffer, opts: DecodeOptions = {}): Promise<DecodedPhoto> {
  const maxPixels = opts.maxPixels ?? 40_000_000;
  const maxSide = opts.maxSide ?? 2048;
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnsupportedImageError('the bytes are not an image');
  }
  if (!meta.format || !FORMATS.has(meta.format)) {
    throw new UnsupportedImageError(`format ${meta.format ?? 'unknown'}`);
  }
  const { width = 0, height = 0 } = meta;
  if (width < 1 || height < 1 || width * height > maxPixels) {
    throw new ImageTooLargeError(width, height, maxPixels);
  }
  try {
    // .rotate() with no angle applies the EXIF orientation, so a phone photo comes out upright.
    let pipeline = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
    // Only a photo larger than maxSide is resized: asked to resize to its own size, sharp still
    // resamples every pixel (the same pixels, ~20 ms for 2 MP).
    if (Math.max(width, height) > maxSide) {
      pipeline = pipeline.resize({ width: maxSide, height: maxSide, fit: 'inside' });
    }
    const { data, info } = await pipeline
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
      // The long side is the same whichever way EXIF turns the photo.
      scale: Math.max(width, height) / Math.max(info.width, info.height),
    };
  } catch (err) {
    throw new CorruptImageError(err instanceof Error ? err.message : String(err));
  }
}
