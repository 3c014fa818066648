import { clientSignal } from '@shipml/serve';
import type { FastifyPluginAsync } from 'fastify';
import { servedPlateModels } from './models.js';
import { readPlates, type ReadPlatesOptions } from './pipeline/read-plates.js';
import { platesRequestDocs, platesRouteSchema } from './schemas.js';
import { acceptImageUploads, readImageUpload, readRegionSetting } from './upload.js';

export interface RoutesOptions {
  /** Largest accepted upload, bytes (→ 413). */
  maxUploadBytes: number;
  /** Photos read at once; more wait in a queue of `maxQueue`, beyond that → 503. */
  concurrency: number;
  maxQueue: number;
  /** Passed to the pipeline (pixel limit, detector size…). */
  pipeline?: ReadPlatesOptions;
}

/**
 * `POST /api/plates`: a photo in, the plates on it out (`PlateReading` JSON, best plate first).
 * Takes `multipart/form-data` (field `image`) or the raw bytes (`image/*`,
 * `application/octet-stream`); anything else is a 415 before the handler runs. `?region=us` (or a
 * `region` form field) reads with one region's plate formats; the default `auto` chooses per photo.
 */
export const routes: FastifyPluginAsync<RoutesOptions> = async (app, opts) => {
  await acceptImageUploads(app, opts.maxUploadBytes);
  // Counts in shipml_pending_requests{model="plates"}, the metric the autoscaler reads.
  const admission = app.inference.admission('plates', {
    concurrency: opts.concurrency,
    maxQueue: opts.maxQueue,
    busyMessage: 'The server is busy reading other photos; try again in a moment.',
  });

  app.post(
    '/api/plates',
    { schema: platesRouteSchema, config: { swaggerTransform: platesRequestDocs } },
    async (request, reply) => {
      // Fires if the client hangs up: its queued work is dropped instead of done for nobody.
      const clientGone = clientSignal(reply);

      // 1. Take the photo out of the request (multipart field or raw body), and the region
      //    setting (`?region=` or a form field; when neither is given, the app's default: auto).
      const { image, fields } = await readImageUpload(request, opts.maxUploadBytes);
      const region = readRegionSetting(request, fields);

      // 2. Hand the pipeline the two served models (they run in @shipml/serve's worker threads).
      const models = servedPlateModels(app, clientGone);

      // 3. Read the plates once a slot is free (503 when too many photos wait):
      //    decode, detect text, pick plate-like regions, recognise them, rank.
      const reading = await admission.run(
        () => readPlates(image, models, { ...opts.pipeline, ...(region ? { region } : {}) }),
        clientGone,
      );

      // 4. Answer: plates best first, each with text, confidence and box; the region read as
      //    (`{ id: 'us', name: 'United States', state: 'Arizona', from: 'photo',
      //    evidence: 'words' }`); time per step.
      return reading;
    },
  );
};
