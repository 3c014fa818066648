import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { shipmlServe } from './plugin.js';
import type { ServeOptions } from './types.js';

export interface CreateServerOptions extends ServeOptions {
  /** Options for the fastify instance (logger, …). Default: logger off. */
  fastify?: FastifyServerOptions;
}

/**
 * A fastify app serving `options.models` with the `shipmlServe` plugin registered, not
 * listening (call `app.listen`, or `listen(app)` for signal handling and draining). More routes
 * may still be added. With the default `waitForModels`, the models are loaded when it resolves.
 */
export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const { fastify, ...serve } = options;
  const app = Fastify({ logger: false, ...fastify });
  await app.register(shipmlServe, serve);
  return app;
}
