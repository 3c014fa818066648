import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { InferenceService } from './inference-service.js';
import { ServeMetrics } from './metrics.js';
import { generateRoutes } from './routes/generate-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { inferRoute } from './routes/infer-route.js';
import type { ServeOptions } from './types.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The models this app serves: `app.inference.infer(name, inputs, opts)`. */
    inference: InferenceService;
  }
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024;
export const DEFAULT_DEADLINE_HEADER = 'x-shipml-deadline-ms';

const plugin: FastifyPluginAsync<ServeOptions> = async (app, options) => {
  const metrics = new ServeMetrics();
  const service = new InferenceService(options, metrics, {
    info: (m) => app.log.info(m),
    warn: (m) => app.log.warn(m),
    error: (m) => app.log.error(m),
  });
  app.decorate('inference', service);
  app.setErrorHandler(errorHandler);
  if (options.notFoundHandler !== false) app.setNotFoundHandler(notFoundHandler);

  if (options.docs !== false) {
    await app.register(swagger, {
      openapi: {
        info: {
          title: options.serverName ?? 'shipml-serve',
          version: pkg.version,
          description: 'Open Inference Protocol (V2) REST API with the generate extension.',
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  }
  if (options.metrics !== false) {
    app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
      void reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  }

  const deadlineHeader = options.deadlineHeader ?? DEFAULT_DEADLINE_HEADER;
  healthRoutes(app, options.serverName ?? 'shipml-serve', pkg.version);
  inferRoute(app, deadlineHeader, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
  generateRoutes(app, deadlineHeader);

  // Shutdown: report not ready at once; onClose runs after in-flight requests completed.
  app.addHook('preClose', (done) => {
    service.drain();
    done();
  });
  app.addHook('onClose', async () => service.close());

  if (options.waitForModels === false) {
    app.addHook('onReady', (done) => {
      service.load().catch((err: unknown) => app.log.error({ err }, 'model loading failed'));
      done();
    });
  } else {
    await service.load();
  }
};

/**
 * The serving plugin: register it into a fastify app to get the V2 routes, `/metrics`,
 * `/docs` and `app.inference`. Errors thrown in any route answer `{"error": "…"}`.
 */
export const shipmlServe = fp(plugin, { fastify: '5.x', name: '@shipml/serve' });
