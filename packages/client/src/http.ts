import { ShipmlApiError, isAbortError } from './errors.js';

/** Options shared by every call. */
export interface RequestOptions {
  /** Cancels the request; the call then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** Extra request headers (an API key, a tracing id). */
  headers?: Record<string, string>;
  /** The fetch to use; defaults to the global one (browsers, Node ≥ 18). */
  fetch?: typeof fetch;
}

/**
 * Sends a request and returns the response when it is 2xx. Anything else becomes a
 * `ShipmlApiError` whose message is the server's `{"error": "..."}` text when it sent one.
 */
export async function send(
  url: string,
  init: RequestInit,
  opts: RequestOptions = {},
): Promise<Response> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers.set(k, v);
  let res: Response;
  try {
    res = await doFetch(url, { ...init, headers, signal: opts.signal ?? null });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new ShipmlApiError(`Could not reach the server (${describe(err)})`, {
      status: 0,
      url,
      cause: err,
    });
  }
  if (!res.ok) throw await errorFromResponse(res, url);
  return res;
}

/** Sends a request and parses the 2xx JSON answer as `T` (the shape is trusted, not validated). */
export async function requestJson<T>(
  url: string,
  init: RequestInit,
  opts: RequestOptions = {},
): Promise<T> {
  const res = await send(url, init, opts);
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new ShipmlApiError(`The server answered ${res.status} with a body that is not JSON`, {
      status: 0,
      url,
      body: text.slice(0, 500),
      cause: err,
    });
  }
}

/** Builds the error for a non-2xx response: `{"error": "..."}` bodies give the message. */
export async function errorFromResponse(res: Response, url: string): Promise<ShipmlApiError> {
  const text = await res.text().catch(() => '');
  let body: unknown = text || undefined;
  let message = `${res.status} ${res.statusText || 'error'}`.trim();
  try {
    body = JSON.parse(text);
    const reported = pickMessage(body);
    if (reported) message = reported;
  } catch {
    if (text && text.length < 300 && !text.trimStart().startsWith('<')) message = text.trim();
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  return new ShipmlApiError(message, {
    status: res.status,
    url,
    body,
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 && res.headers.has('retry-after')
      ? { retryAfterSeconds: retryAfter }
      : {}),
  });
}

// Our servers send {"error": "..."}. Fastify's default handler sends
// {"statusCode", "error": "Bad Request", "message": "<the useful part>"}; others send {"detail"}.
function pickMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const fastifyShape = typeof record.statusCode === 'number' && typeof record.message === 'string';
  for (const key of fastifyShape ? ['message', 'error'] : ['error', 'message', 'detail']) {
    if (typeof record[key] === 'string' && record[key]) return record[key];
  }
  return undefined;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}

/** Joins a base URL ('' for same origin, 'http://host:port', '/prefix') and a path. */
export function joinUrl(baseUrl: string, path: string): string {
  if (!baseUrl) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
