import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { messageOf } from '../errors.js';

/**
 * Answers with Server-Sent Events: one `data: <json>` event per item of `events`.
 *
 * It waits for the first item before it answers 200, so an error raised before anything was
 * produced (a full queue, a deadline, bad input) still gets its own status code. Later errors
 * are reported in-band as a last `{"error": message}` event, since the headers are gone. When the
 * stream ends or the client goes away, `events` is closed (`return()`), which stops the work
 * behind it.
 */
export async function sendEventStream(
  reply: FastifyReply,
  events: AsyncIterable<object>,
): Promise<FastifyReply> {
  const it = events[Symbol.asyncIterator]();
  const first = await it.next();
  async function* lines(): AsyncGenerator<string> {
    try {
      for (let r = first; !r.done; r = await it.next())
        yield `data: ${JSON.stringify(r.value)}\n\n`;
    } catch (err) {
      yield `data: ${JSON.stringify({ error: messageOf(err) })}\n\n`;
    } finally {
      await it.return?.();
    }
  }
  return reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('x-accel-buffering', 'no') // proxies must not buffer it
    .send(Readable.from(lines(), { objectMode: false }));
}
