import { ServeError } from '@shipml/serve';

/**
 * Errors of the upload route. Each is a `ServeError`, so @shipml/serve's error handler answers
 * it as `{"error": message}` with its status. (The pipeline's bad-image errors, 400/415, live in
 * pipeline/errors.ts; a full queue is serve's `BusyError`, 503 + Retry-After.)
 */

/** The request carried no image: no `image` field, or an empty body. */
export class MissingImageError extends ServeError {
  constructor(detail: string) {
    super(`No image in the request: ${detail}`, 400, 'MISSING_IMAGE');
  }
}

/** The multipart body is broken or ended early (a client that hung up, a bad boundary). */
export class MalformedUploadError extends ServeError {
  constructor(detail: string) {
    super(
      `The upload could not be read: ${detail}. Send the photo again.`,
      400,
      'MALFORMED_UPLOAD',
    );
  }
}

/** The request's content type is not an upload this route understands. */
export class UnsupportedUploadError extends ServeError {
  constructor(contentType: string) {
    super(
      `Unsupported content type "${contentType}". Send multipart/form-data with an "image" field, or the image bytes with an image/* content type.`,
      415,
      'UNSUPPORTED_UPLOAD',
    );
  }
}

/** The upload is larger than the limit. */
export class UploadTooLargeError extends ServeError {
  constructor(limitBytes: number) {
    super(`Image is larger than the ${formatMiB(limitBytes)} limit.`, 413, 'UPLOAD_TOO_LARGE');
  }
}

function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB`;
}
