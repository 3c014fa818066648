import { ShipmlApiError } from './errors.js';
import { send, type RequestOptions } from './http.js';

/** One Server-Sent Event as the wire carries it. */
export interface SseEvent {
  /** `event:` field; `'message'` when the server sent none. */
  event: string;
  /** `data:` lines joined with `\n`. */
  data: string;
  /** `id:` field, when present. */
  id?: string;
}

/**
 * Reads a `text/event-stream` body event by event (the WHATWG format: `field: value` lines,
 * a blank line ends an event, `:` lines are comments). Stops when the body ends.
 */
export async function* readSseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let current: { event?: string; data: string[]; id?: string } = { data: [] };
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      // Lines may end in \n, \r\n or \r; keep the last, possibly partial, line in the buffer.
      const lines = buffer.split(/\r\n|\r(?!$)|\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (current.data.length > 0) {
            yield {
              event: current.event ?? 'message',
              data: current.data.join('\n'),
              ...(current.id !== undefined ? { id: current.id } : {}),
            };
          }
          current = { data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') current.data.push(value);
        else if (field === 'event') current.event = value;
        else if (field === 'id') current.id = value;
      }
    }
    // A stream that ends without the final blank line still delivers its last event.
    if (buffer !== '' && buffer.startsWith('data'))
      current.data.push(buffer.replace(/^data: ?/, ''));
    if (current.data.length > 0) {
      yield {
        event: current.event ?? 'message',
        data: current.data.join('\n'),
        ...(current.id !== undefined ? { id: current.id } : {}),
      };
    }
  } finally {
    // Leaving early (break, throw, abort) cancels the body, which closes the connection so the
    // server can stop generating.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * POSTs JSON and yields each SSE `data:` payload parsed as JSON `T`, for endpoints such as the
 * V2 `generate_stream` extension. An `event: error` (or a `{"error": "..."}` payload) ends the
 * stream with a `ShipmlApiError`; a `[DONE]` payload ends it normally.
 * Break out of the loop or abort the signal to stop the server's work.
 */
export async function* streamJson<T>(
  url: string,
  body: unknown,
  opts: RequestOptions = {},
): AsyncGenerator<T> {
  const res = await send(
    url,
    {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    },
    opts,
  );
  if (!res.body)
    throw new ShipmlApiError('The server sent an empty stream', { status: res.status, url });
  for await (const event of readSseEvents(res.body)) {
    if (event.data === '[DONE]') return;
    let payload: T;
    try {
      payload = JSON.parse(event.data) as T;
    } catch (err) {
      throw new ShipmlApiError('The server sent a stream event that is not JSON', {
        status: 0,
        url,
        body: event.data.slice(0, 500),
        cause: err,
      });
    }
    const message = errorMessage(payload);
    if (event.event === 'error' || message !== undefined) {
      throw new ShipmlApiError(message ?? 'The stream failed', {
        status: res.status,
        url,
        body: payload,
      });
    }
    yield payload;
  }
}

function errorMessage(payload: unknown): string | undefined {
  if (typeof payload === 'object' && payload !== null && 'error' in payload) {
    if (typeof payload.error === 'string') return payload.error;
  }
  return undefined;
}
