import type { FastifyRequest } from 'fastify';
import { MalformedUploadError, MissingImageError, UploadTooLargeError } from './errors.js';

/** Multipart field that carries the photo. */
export const IMAGE_FIELD = 'image';

/**
 * The uploaded photo's bytes, from either form of `POST /api/plates`:
 * - `multipart/form-data` with the file in the `image` field (what a browser form sends);
 * - the raw bytes as the body, `image/*` or `application/octet-stream` (what `curl --data-binary` sends).
 * Whether the bytes are really an image is the pipeline's first step to decide.
 * @throws MissingImageError (400), MalformedUploadError (400), UploadTooLargeError (413)
 */
export async function readImageUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (request.isMultipart()) {
    const fail = (err: unknown): never => {
      throw asUploadError(err, maxBytes);
    };
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } }).catch(fail);
    if (!part)
      throw new MissingImageError(
        `the form has no file; put the photo in the "${IMAGE_FIELD}" field.`,
      );
    if (part.fieldname !== IMAGE_FIELD) {
      part.file.resume(); // drain it, so the connection can be reused
      throw new MissingImageError(
        `the file is in field "${part.fieldname}"; send it as "${IMAGE_FIELD}".`,
      );
    }
    const bytes = await part.toBuffer().catch(fail);
    if (bytes.length === 0) throw new MissingImageError('the file is empty.');
    return bytes;
  }
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new MissingImageError('the body is empty.');
  return body;
}

// @fastify/multipart's own errors carry a status (too many parts: 413); busboy's and the
// stream's (a body that ends mid-file) do not, and mean the client sent a broken form.
function asUploadError(err: unknown, maxBytes: number): unknown {
  const { code, statusCode, message } = (err ?? {}) as {
    code?: string;
    statusCode?: number;
    message?: string;
  };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new UploadTooLargeError(maxBytes);
  if (typeof statusCode === 'number' && statusCode < 500) return err;
  return new MalformedUploadError(message ?? String(err));
}
