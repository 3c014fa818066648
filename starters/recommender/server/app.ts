import { shipmlServe } from '@shipml/serve';
import { appRoot, builtWebRoot, serveWebApp } from '@shipml/serve/web';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadModels } from './models.js';
import { routes } from './routes.js';

export interface AppOptions {
  /** Log requests (main.ts turns it on; tests keep it quiet). */
  logger?: boolean;
  /** Folder of the built page to serve at `/`, or `false` for the API only. Default: dist/web once built. */
  webRoot?: string | false;
}

/**
 * Builds the app without listening: tests call `app.inject()`, main.ts calls `listen()`.
 * Three parts: the model (served by @shipml/serve on the V2 routes, and callable as
 * `app.inference.infer`), this app's own API under `/api`, and the page at `/`.
 */
export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Requests that arrive while draining get @shipml/serve's 503 + Retry-After, not fastify's.
    return503OnClosing: false,
  });
  const { models, stored } = await loadModels();
  await app.register(shipmlServe, { models, notFoundHandler: false });
  await app.register(routes, { prefix: '/api', model: models[0]!.name, stored });
  const webRoot = opts.webRoot ?? builtWebRoot(appRoot(import.meta.url));
  await serveWebApp(app, webRoot || undefined);
  return app;
}
