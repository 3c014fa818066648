import { setTimeout as sleep } from 'node:timers/promises';
import { DownloadError, DownloadTimeoutError } from './errors.js';

/** A failure worth another try: 429, 5xx, a dropped or stalled connection. */
export class TransientError extends Error {
  constructor(
    message: string,
    readonly kind: 'status' | 'network' | 'stall',
    readonly httpStatus?: number,
    /** From the server's `Retry-After`, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface RetryPolicy {
  retries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  signal: AbortSignal | undefined;
}

/** `Retry-After` as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Runs `attempt` until it succeeds, retrying {@link TransientError}s with exponential
 * backoff (jittered, capped at `maxRetryDelayMs`) or the server's Retry-After when given.
 * When the retries run out it throws {@link DownloadTimeoutError} (stalls) or {@link DownloadError}.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  onRetry: (attempt: number, delayMs: number, reason: string) => void,
  attempt: (n: number) => Promise<T>,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof TransientError)) throw err;
      if (n >= policy.retries) {
        const msg = `${what}: gave up after ${n + 1} attempt(s); last error: ${err.message}`;
        throw err.kind === 'stall'
          ? new DownloadTimeoutError(msg, { cause: err })
          : new DownloadError(msg, err.httpStatus, { cause: err });
      }
      const backoff = policy.retryDelayMs * 2 ** n * (0.5 + Math.random() / 2);
      const delayMs = Math.round(Math.min(err.retryAfterMs ?? backoff, policy.maxRetryDelayMs));
      onRetry(n + 1, delayMs, err.message);
      await sleep(delayMs, undefined, { signal: policy.signal });
    }
  }
}
