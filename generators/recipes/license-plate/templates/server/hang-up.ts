import type { FastifyReply } from 'fastify';

/**
 * A signal that fires when the client goes away before its answer was sent, so work queued
 * for it (a model run, a place in the admission queue) is dropped instead of done for nobody.
 */
export function hangUpSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
