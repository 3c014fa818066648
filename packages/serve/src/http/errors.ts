import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServeError } from '../errors.js';

/**
 * Answers every error as `{"error": message}`: ServeErrors with their status and headers,
 * fastify's own errors (validation 400, body too large 413, bad content type 415, bad JSON
 * 400) with theirs, and anything else as a logged 500 that does not leak internals.
 */
export function errorHandler(
  this: FastifyInstance,
  err: FastifyError | ServeError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = (err as { statusCode?: number }).statusCode;
  const known =
    err instanceof ServeError || (typeof status === 'number' && status >= 400 && status < 500);
  if (!known) {
    request.log.error({ err }, 'request failed');
    void reply.status(500).send({ error: 'Internal server error' });
    return;
  }
  if (err instanceof ServeError) void reply.headers(err.headers);
  if (status === 503 && !reply.hasHeader('retry-after')) void reply.header('retry-after', '1');
  void reply.status(status ?? 500).send({ error: err.message });
}

/** `{"error": "Route GET /x not found"}` with 404. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send({ error: `Route ${request.method} ${request.url} not found` });
}
