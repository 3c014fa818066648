import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { Admission } from '../admission.js';
import { hangUpSignal } from '../hang-up.js';
import { uploadErrorHandler } from '../http-errors.js';
import { servedPlateModels } from '../models.js';
import { readPlates, type ReadPlatesOptions } from '../pipeline/read-plates.js';
import { readImageUpload } from '../upload.js';
import { plateReadingSchema } from './schemas.js';

export interface PlatesRouteOptions {
  /** Largest accepted upload, bytes (→ 413). */
  maxUploadBytes: number;
  /** Bounds how many photos are read at once and how many wait (→ 503). */
  admission: Admission;
  /** Passed to the pipeline (pixel limit, detector size…). */
  pipeline?: ReadPlatesOptions;
}

/**
 * `POST /api/plates`: a photo in, the plates on it out (`PlateReading` JSON, best plate first).
 * Accepts `multipart/form-data` (field `image`) or the raw bytes (`image/*`,
 * `application/octet-stream`); anything else is a 415 before the handler runs.
 */
export const platesRoute: FastifyPluginAsync<PlatesRouteOptions> = async (app, opts) => {
  // This plugin's scope parses uploads only: no JSON or text bodies reach the handler.
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    limits: { fileSize: opts.maxUploadBytes, files: 1, fields: 16 },
  });
  const rawBody = { parseAs: 'buffer', bodyLimit: opts.maxUploadBytes } as const;
  const keepBytes = (
    _request: unknown,
    body: Buffer | string,
    done: (err: null, body: Buffer | string) => void,
  ) => done(null, body);
  app.addContentTypeParser(/^image\/[\w.+-]+$/, rawBody, keepBytes);
  app.addContentTypeParser('application/octet-stream', rawBody, keepBytes);
  app.setErrorHandler(uploadErrorHandler(opts.maxUploadBytes));

  app.post(
    '/api/plates',
    {
      schema: { response: { 200: plateReadingSchema } },
    },
    async (request, reply) => {
      const clientGone = hangUpSignal(reply);

      // 1. Take the photo out of the request (multipart field or raw body).
      const image = await readImageUpload(request, opts.maxUploadBytes);

      // 2. Hand the pipeline the two served models (they run in @shipml/serve's worker threads).
      const models = servedPlateModels(app, clientGone);

      // 3. Read the plates once a slot is free (503 when too many photos wait):
      //    decode, detect text, pick plate-like regions, recognise them, rank.
      const reading = await opts.admission.run(
        () => readPlates(image, models, opts.pipeline),
        clientGone,
      );

      // 4. Answer: plates best first, each with text, confidence and box; time per step.
      return reading;
    },
  );
};
