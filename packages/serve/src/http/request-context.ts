import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInputError, UnsupportedMediaError } from '../errors.js';

/**
 * An AbortSignal that fires when the client goes away before the response is complete, so
 * queued work for it is dropped (and generation stops).
 */
export function clientSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The per-request deadline header, in ms (a positive number), or undefined. */
export function deadlineFrom(request: FastifyRequest, header: string): number | undefined {
  const raw = request.headers[header.toLowerCase()];
  if (raw === undefined) return undefined;
  const ms = Number(Array.isArray(raw) ? raw[0] : raw);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InvalidInputError(`${header} must be a positive number of milliseconds`);
  }
  return ms;
}

/** onRequest hook for JSON-only routes: anything but `application/json` (or `+json`) → 415. */
export function requireJson(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  const type = request.headers['content-type'];
  const media = type?.split(';')[0]?.trim().toLowerCase();
  if (media !== 'application/json' && !media?.endsWith('+json'))
    throw new UnsupportedMediaError(type);
  done();
}
