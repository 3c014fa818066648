/**
 * Every failed call made through @shipml/client rejects with a `ShipmlApiError`, so a UI can show
 * `error.message` as is and branch on `error.status` (413 → "pick a smaller photo", 503 → retry).
 */
export class ShipmlApiError extends Error {
  override readonly name = 'ShipmlApiError';
  /** HTTP status; 0 when no response arrived (network down, server not reachable, bad JSON). */
  readonly status: number;
  /** The request URL, for logs. */
  readonly url: string;
  /** Seconds the server asked us to wait (from `Retry-After` on 429/503), when it sent one. */
  readonly retryAfterSeconds: number | undefined;
  /** The parsed JSON error body, when the server sent one. */
  readonly body: unknown;

  constructor(
    message: string,
    init: {
      status: number;
      url: string;
      retryAfterSeconds?: number;
      body?: unknown;
      cause?: unknown;
    },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.url = init.url;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.body = init.body;
  }
}

/** True for the error a call rejects with after its `AbortSignal` fired. */
export function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'name' in err &&
    (err.name === 'AbortError' || err.name === 'TimeoutError')
  );
}
