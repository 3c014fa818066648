import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { shipmlServe, type ModelConfig } from '@shipml/serve';
import { appRoot, builtWebRoot, serveWebApp } from '@shipml/serve/web';
import { plateModelConfigs, type ModelTuning } from './models.js';
import type { ReadPlatesOptions } from './pipeline/read-plates.js';
import { routes } from './routes.js';
import { samplesRoutes } from './samples/routes.js';

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
  /** Folder of the built page to serve at `/`, or `false` for the API only. Default: dist/web once built. */
  webRoot?: string | false;
  /** Fastify logger option; default off (main.ts turns it on). */
  logger?: FastifyServerOptions['logger'];
}

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The licence-plate app, built but not listening (tests call `app.inject`, main.ts listens):
 * - @shipml/serve with the two OCR models: V2 routes (`/v2/models/ppocr-det/infer`), `/metrics`, `/docs`;
 * - `POST /api/plates` (photo → plates) and `GET /api/samples`;
 * - the built React page at `/`.
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
  await app.register(routes, {
    maxUploadBytes: opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    concurrency: opts.concurrency ?? 2,
    maxQueue: opts.maxQueue ?? 16,
    ...(opts.pipeline ? { pipeline: opts.pipeline } : {}),
  });
  samplesRoutes(app);
  const webRoot = opts.webRoot ?? builtWebRoot(appRoot(import.meta.url));
  await serveWebApp(app, webRoot || undefined);
  return app;
}
