import { ServeError } from '@shipml/serve';

/**
 * Errors the pipeline throws on bad input. They are `ServeError`s, so @shipml/serve's error
 * handler answers them as `{"error": message}` with their status (400 or 415).
 */
export class PlateInputError extends ServeError {}

/** The bytes are not a JPEG, PNG or WebP image. */
export class UnsupportedImageError extends PlateInputError {
  constructor(detail: string) {
    super(
      `Unsupported image: ${detail}. Send a JPEG, PNG or WebP photo.`,
      415,
      'UNSUPPORTED_IMAGE',
    );
  }
}

/** The image declares absurd dimensions or too many pixels (a decompression bomb, for example). */
export class ImageTooLargeError extends PlateInputError {
  constructor(width: number, height: number, maxPixels: number) {
    super(
      `Image is ${width}×${height} pixels; the limit is ${maxPixels.toLocaleString('en')} pixels.`,
      400,
      'IMAGE_TOO_LARGE',
    );
  }
}

/** The image header was readable but the pixels are not (truncated or corrupt file). */
export class CorruptImageError extends PlateInputError {
  constructor(detail: string) {
    super(`Could not decode the image: ${detail}`, 400, 'CORRUPT_IMAGE');
  }
}
