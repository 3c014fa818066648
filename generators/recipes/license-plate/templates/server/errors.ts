/**
 * Errors the app's own routes throw. Each carries the HTTP status it answers with; the error
 * handler of @shipml/serve turns any error with a 4xx `statusCode` into `{"error": message}`.
 * (The pipeline's bad-image errors, 400/415, live in pipeline/errors.ts.)
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly code: string,
    /** Extra response headers, e.g. Retry-After on 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The request carried no image: no `image` field, or an empty body. */
export class MissingImageError extends AppError {
  constructor(detail: string) {
    super(`No image in the request: ${detail}`, 400, 'MISSING_IMAGE');
    this.name = 'MissingImageError';
  }
}

/** The multipart body is broken or ended early (a client that hung up, a bad boundary). */
export class MalformedUploadError extends AppError {
  constructor(detail: string) {
    super(
      `The upload could not be read: ${detail}. Send the photo again.`,
      400,
      'MALFORMED_UPLOAD',
    );
    this.name = 'MalformedUploadError';
  }
}

/** The request's content type is not an upload this route understands. */
export class UnsupportedUploadError extends AppError {
  constructor(contentType: string) {
    super(
      `Unsupported content type "${contentType}". Send multipart/form-data with an "image" field, or the image bytes with an image/* content type.`,
      415,
      'UNSUPPORTED_UPLOAD',
    );
    this.name = 'UnsupportedUploadError';
  }
}

/** The upload is larger than the limit. */
export class UploadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(`Image is larger than the ${formatMiB(limitBytes)} limit.`, 413, 'UPLOAD_TOO_LARGE');
    this.name = 'UploadTooLargeError';
  }
}

/** Too many photos are waiting already; the client should retry shortly. */
export class BusyError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('The server is busy reading other photos; try again in a moment.', 503, 'BUSY', {
      'retry-after': String(retryAfterSeconds),
    });
    this.name = 'BusyError';
  }
}

function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB`;
}
