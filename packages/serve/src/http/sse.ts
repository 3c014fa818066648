import type { FastifyReply } from 'fastify';
import { eventStream } from './event-stream.js';

/**
 * Events that follow a connection's last write by less than this many milliseconds are held
 * and written together when the window ends: well under a frame, so a page showing the text
 * sees no difference, while a server streaming many fast token streams makes a fraction of the
 * socket writes.
 */
export const SSE_WRITE_WINDOW_MS = 8;

export interface EventStreamOptions {
  /** At most one write per this many ms per connection (0: each event written at once). */
  writeWindowMs?: number;
}

/**
 * Answers with Server-Sent Events: one `data: <json>` event per item of `events`.
 *
 * It waits for the first item before it answers 200, so an error raised before anything was
 * produced (a full queue, a deadline, bad input) still gets its own status code. Later errors
 * are reported in-band as a last `{"error": message}` event, since the headers are gone. When the
 * stream ends or the client goes away, `events` is closed (`return()`), which stops the work
 * behind it. The first event is written at once; faster ones are batched in time, see
 * `SSE_WRITE_WINDOW_MS`.
 */
export async function sendEventStream(
  reply: FastifyReply,
  events: AsyncIterable<object>,
  opts: EventStreamOptions = {},
): Promise<FastifyReply> {
  const it = events[Symbol.asyncIterator]();
  const first = await it.next();
  return reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('x-accel-buffering', 'no') // proxies must not buffer it
    .send(eventStream(it, first, opts.writeWindowMs ?? SSE_WRITE_WINDOW_MS));
}
