import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInputError, UnsupportedMediaError } from '../errors.js';

const connectionSignals = new WeakMap<object, AbortSignal>();

/**
 * An AbortSignal that fires when the client goes away before the response is complete, so
 * queued work for it is dropped (and generation stops).
 *
 * One signal per connection, made when its first request needs one: an HTTP/1.1 connection
 * carries one request at a time, and a client that goes away closes it. A connection closed
 * after its response was complete aborts nothing, since finished work no longer listens.
 */
export function clientSignal(reply: FastifyReply): AbortSignal {
  const socket = reply.request.raw.socket;
  if (socket.destroyed) return AbortSignal.abort();
  let signal = connectionSignals.get(socket);
  if (!signal) {
    const controller = new AbortController();
    signal = controller.signal;
    connectionSignals.set(socket, signal);
    socket.once('close', () => controller.abort());
  }
  return signal;
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
  if (type === 'application/json') return done();
  const media = type?.split(';')[0]?.trim().toLowerCase();
  if (media !== 'application/json' && !media?.endsWith('+json'))
    throw new UnsupportedMediaError(type);
  done();
}
