import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { shipmlServe, type ModelConfig } from '@shipml/serve';
import { Admission } from './admission.js';
import { plateModelConfigs, type ModelTuning } from './models.js';
import type { ReadPlatesOptions } from './pipeline/read-plates.js';
import { platesRoute } from './routes/plates.js';
import { samplesRoutes } from './routes/samples.js';
import { serveWebApp } from './web.js';

export interface AppOptions {
  /** Serving config of `ppocr-det` and `ppocr-rec`; default: resolved from models.json. */
  models?: ModelConfig[];
  /** Workers/threads for the default model configs. */
  modelTuning?: ModelTuning;
  /** Largest accepted photo, bytes (→ 413). Default 10 MiB: phone photos are 2–6 MB. */
  maxUploadBytes?: number;
  /** Photos read at once. Default 2. */
  concurrency?: number;
  /** Photos allowed to wait for a slot before new ones get a 503. Default 16. */
  maxQueue?: number;
  /** Pipeline options (pixel limit, detector input size…). */
  pipeline?: ReadPlatesOptions;
  /** Folder of the built web app to serve on the same port (`builtWebRoot()`); none by default. */
  webRoot?: string;
  /** Fastify logger option; default off (main.ts turns it on). */
  logger?: FastifyServerOptions['logger'];
}

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The licence-plate app, built but not listening (tests call `app.inject`, main.ts listens):
 * - @shipml/serve with the two OCR models: V2 routes (`/v2/models/ppocr-det/infer`), `/metrics`, `/docs`;
 * - `POST /api/plates` (photo → plates) and `GET /api/samples`;
 * - the built React app, when `webRoot` is given.
 * Resolves once the models are loaded and warmed up.
 */
export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Requests that arrive while draining get @shipml/serve's 503 + Retry-After, not fastify's.
    return503OnClosing: false,
  });

  await app.register(shipmlServe, {
    models: opts.models ?? (await plateModelConfigs(opts.modelTuning)),
    serverName: 'shipml-license-plate',
    notFoundHandler: false, // serveWebApp answers unknown routes
  });
  await app.register(platesRoute, {
    maxUploadBytes: opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    admission: new Admission({ concurrency: opts.concurrency ?? 2, maxQueue: opts.maxQueue ?? 16 }),
    ...(opts.pipeline ? { pipeline: opts.pipeline } : {}),
  });
  samplesRoutes(app);
  await serveWebApp(app, opts.webRoot);
  return app;
}
