import multipart from '@fastify/multipart';
import { ServeError, errorHandler } from '@shipml/serve';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import {
  MalformedUploadError,
  MissingImageError,
  UnsupportedUploadError,
  UploadTooLargeError,
} from './errors.js';
import { REGION_SETTINGS, isRegionSetting } from './pipeline/regions/regions.js';
import type { RegionSetting } from './pipeline/regions/types.js';

/** Multipart field that carries the photo. */
export const IMAGE_FIELD = 'image';
/** Query parameter (`?region=us`) or multipart field that sets whose plate formats to read with. */
export const REGION_PARAM = 'region';

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

/** What `POST /api/plates` was sent: the photo's bytes, and the form's text fields (multipart only). */
export interface ImageUpload {
  image: Buffer;
  /** Text fields of a multipart form, by name (e.g. `region`); empty for a raw body. */
  fields: Record<string, string>;
}

/**
 * The uploaded photo's bytes, from either form of `POST /api/plates`:
 * - `multipart/form-data` with the file in the `image` field (what a browser form sends), and
 *   any text fields before or after it;
 * - the raw bytes as the body, `image/*` or `application/octet-stream` (what `curl --data-binary` sends).
 * Whether the bytes are really an image is the pipeline's first step to decide.
 * @throws MissingImageError (400), MalformedUploadError (400), UploadTooLargeError (413)
 */
export async function readImageUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<ImageUpload> {
  if (!request.isMultipart()) {
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new MissingImageError('the body is empty.');
    return { image: body, fields: {} };
  }
  const fields: Record<string, string> = {};
  let image: Buffer | undefined;
  let elsewhere: string | undefined; // a file sent in another field
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (part.fieldname === IMAGE_FIELD) image = await part.toBuffer();
      else {
        elsewhere = part.fieldname;
        part.file.resume(); // drain it, so the rest of the form can be read
      }
    }
  } catch (err) {
    throw asUploadError(err, maxBytes);
  }
  if (image === undefined && elsewhere !== undefined)
    throw new MissingImageError(
      `the file is in field "${elsewhere}"; send it as "${IMAGE_FIELD}".`,
    );
  if (image === undefined)
    throw new MissingImageError(
      `the form has no file; put the photo in the "${IMAGE_FIELD}" field.`,
    );
  if (image.length === 0) throw new MissingImageError('the file is empty.');
  return { image, fields };
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

/** The `region` setting is not one the reader knows, or the query and the form disagree. */
export class BadRegionError extends ServeError {
  constructor(detail: string) {
    super(`${detail} Use one of: ${REGION_SETTINGS.join(', ')}.`, 400, 'BAD_REGION');
  }
}

/**
 * The region setting of a request: `?region=` in the URL or a `region` field of the form;
 * `undefined` when neither is given (the app's default applies, `auto` unless configured).
 * @throws BadRegionError (400) for an unknown value, or when the two disagree
 */
export function readRegionSetting(
  request: FastifyRequest,
  fields: Record<string, string>,
): RegionSetting | undefined {
  const query = (request.query as Record<string, unknown> | undefined)?.[REGION_PARAM];
  const given = [query, fields[REGION_PARAM]].filter((v) => v !== undefined && v !== '');
  for (const value of given) {
    if (!isRegionSetting(value))
      throw new BadRegionError(`Unknown region ${JSON.stringify(value)}.`);
  }
  if (given.length === 2 && given[0] !== given[1])
    throw new BadRegionError(
      `The query says region=${String(given[0])} but the form says ${String(given[1])}; send one.`,
    );
  return given[0] as RegionSetting | undefined;
}
