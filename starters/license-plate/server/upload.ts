import multipart from '@fastify/multipart';
import { errorHandler } from '@shipml/serve';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import {
  MalformedUploadError,
  MissingImageError,
  UnsupportedUploadError,
  UploadTooLargeError,
} from './errors.js';

/** Multipart field that carries the photo. */
export const IMAGE_FIELD = 'image';

/**
 * Makes the routes of this plugin scope take photo uploads, and only those: multipart forms
 * (through @fastify/multipart) and raw `image/*` or `application/octet-stream` bodies, up to
 * `maxBytes`. Anything else is a 415 before the handler runs; fastify's own body errors get
 * messages a user can act on, then @shipml/serve's `{"error"}` answer.
 */
export async function acceptImageUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  app.removeAllContentTypeParsers();
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 16 } });
  const rawBody = { parseAs: 'buffer', bodyLimit: maxBytes } as const;
  const keepBytes = (_req: unknown, body: Buffer | string, done: (e: null, b: unknown) => void) =>
    done(null, body);
  app.addContentTypeParser(/^image\/[\w.+-]+$/, rawBody, keepBytes);
  app.addContentTypeParser('application/octet-stream', rawBody, keepBytes);
  app.setErrorHandler(function (err: FastifyError, request, reply) {
    errorHandler.call(this, translate(err, request, maxBytes), request, reply);
  });
}

function translate(err: FastifyError, request: FastifyRequest, maxBytes: number): Error {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new UploadTooLargeError(maxBytes);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return new UnsupportedUploadError(request.headers['content-type'] ?? '(none)');
  }
  return err;
}

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
