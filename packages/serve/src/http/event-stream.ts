import { Readable } from 'node:stream';
import { messageOf } from '../errors.js';

/**
 * `first`, then the rest of `events`, as Server-Sent Events text (`data: <json>\n\n` each) in
 * a byte stream that pushes at most one chunk per `windowMs`.
 *
 * A socket write costs far more than an event's few bytes (a system call, and on the client a
 * read and a chunk through its stream), so a server streaming many fast token streams would
 * spend its cores on writes. Here an event after a quiet window (the first one, or each of a
 * slow model's) is pushed at once; events that come faster wait until `windowMs` after the last
 * push and go out together, each still its own event. The end is pushed at once. An error from
 * `events` becomes a last `{"error": message}` event. Destroying the stream (the client went
 * away) closes `events` (`return()`), which stops the work behind them.
 */
export function eventStream(
  events: AsyncIterator<object>,
  first: IteratorResult<object>,
  windowMs: number,
): Readable {
  let pending = '';
  let lastPush = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === '') return;
    // Not waiting for the reader: a request's events are bounded by its token count, and the
    // worker makes them whether or not they are read, so holding them here or upstream is alike.
    stream.push(pending);
    pending = '';
    lastPush = performance.now();
  };
  const add = (event: object) => {
    pending += `data: ${JSON.stringify(event)}\n\n`;
    const wait = lastPush + windowMs - performance.now();
    if (wait <= 0) flush();
    else timer ??= setTimeout(flush, wait);
  };
  const stream = new Readable({
    read() {}, // pushed as events come
    destroy(err, callback) {
      stopped = true;
      clearTimeout(timer);
      Promise.resolve(events.return?.()).then(
        () => callback(err),
        (e: unknown) => callback(err ?? (e as Error)),
      );
    },
  });
  void (async () => {
    try {
      for (let r = first; !r.done; r = await events.next()) {
        if (stopped) return;
        add(r.value);
      }
    } catch (err) {
      if (stopped) return;
      add({ error: messageOf(err) });
    }
    if (stopped) return;
    flush();
    stream.push(null);
  })();
  return stream;
}
