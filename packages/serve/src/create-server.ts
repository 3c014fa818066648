import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { shipmlServe } from './plugin.js';
import type { ServeOptions } from './types.js';

export interface CreateServerOptions extends ServeOptions {
  /** Options for the fastify instance (logger, …). Default: logger off. */
  fastify?: FastifyServerOptions;
}

/**
 * A fastify app serving `options.models` with the `shipmlServe` plugin registered and booted
 * (with the default `waitForModels`, the models are loaded and warmed up), not listening: call
 * `app.listen`, or `listen(app)` for signal handling and draining. To add routes of your own,
 * register `shipmlServe` into your own fastify app instead.
 */
export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const { fastify, ...serve } = options;
  // No plugin timeout: large models may take longer than fastify's 10 s default to load. No
  // 503 of fastify's own while closing: the plugin answers those requests in its error shape.
  const app = Fastify({ logger: false, pluginTimeout: 0, return503OnClosing: false, ...fastify });
  await app.register(shipmlServe, serve);
  await app.ready();
  return app;
}
