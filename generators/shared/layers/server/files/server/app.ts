import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { shipmlServe } from '@shipml/serve';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadModels } from './models.js';
import { routes } from './routes.js';

export interface AppOptions {
  /** Log requests (main.ts turns it on; tests keep it quiet). */
  logger?: boolean;
  /** Directory of the built web app to serve at `/`; `false` for an API only. Default: dist/web when built. */
  webRoot?: string | false;
}

const builtWeb = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * Builds the app without listening: tests call `app.inject()`, main.ts calls `listen()`.
 * Three parts: the models (served by @shipml/serve on the V2 routes, and callable as
 * `app.inference.infer`), this app's own API under `/api`, and the web page at `/`.
 */
export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Requests that arrive while draining get @shipml/serve's 503 + Retry-After, not fastify's.
    return503OnClosing: false,
  });
  await app.register(shipmlServe, { models: await loadModels() });
  await app.register(routes, { prefix: '/api' });
  const webRoot = opts.webRoot ?? (existsSync(builtWeb) ? builtWeb : false);
  if (webRoot) await app.register(fastifyStatic, { root: webRoot });
  return app;
}
