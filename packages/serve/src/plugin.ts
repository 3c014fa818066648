import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { NotReadyError } from './errors.js';
import { trackConnections } from './http/connections.js';
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
  const connections = trackConnections(app.server);
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    service.drain();
    connections.closeWhenIdle();
    done();
  });
  // Requests can still arrive once closing began, pipelined behind one in flight. Fastify's own
  // 503 for them (return503OnClosing, which createServer turns off) skips the error handler,
  // so refuse them here: 503 with Retry-After and the usual {"error": …} body. Keyed to close,
  // not to `service.draining`: `drain()` alone only turns readiness off, and keeps serving.
  app.addHook('onRequest', (_request, _reply, done) => {
    done(closing ? new NotReadyError('Server is shutting down') : undefined);
  });
  app.addHook('onClose', async () => service.close());

  const loading = service.load();
  loading.catch((err: unknown) => app.log.error({ err }, 'model loading failed'));
  if (options.waitForModels !== false)
    await waitForModels(loading, app.initialConfig.pluginTimeout, app.log);
};

/**
 * Waits for the models, within fastify's plugin timeout (default 10 s): a plugin that takes
 * longer fails the whole app. Past the budget, loading goes on in the background and
 * readiness says 503 until it is done (requests for a loading model wait for it).
 */
async function waitForModels(
  loading: Promise<void>,
  pluginTimeoutMs: number | undefined,
  log: { warn(msg: string): void },
): Promise<void> {
  if (!pluginTimeoutMs) return loading;
  const budgetMs = Math.max(0, pluginTimeoutMs - 1000);
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budgetMs);
  });
  try {
    if ((await Promise.race([loading, outOfTime])) === 'late') {
      log.warn(
        `models still loading after ${budgetMs} ms (fastify pluginTimeout ${pluginTimeoutMs} ms); ` +
          'continuing, /v2/health/ready answers 503 until they are ready',
      );
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The serving plugin: register it into a fastify app to get the V2 routes, `/metrics`,
 * `/docs` and `app.inference`. Errors thrown in any route answer `{"error": "…"}`.
 */
export const shipmlServe = fp(plugin, { fastify: '5.x', name: '@shipml/serve' });
