import { open, stat, truncate } from 'node:fs/promises';
import { DownloadError, SourceNotFoundError } from './errors.js';
import type { Settings } from './options.js';
import { parseRetryAfter, TransientError, withRetries } from './retry.js';

export interface TransferOptions {
  /** For messages, e.g. `distilgpt2/onnx/model.onnx`. */
  what: string;
  url: string;
  headers: Record<string, string>;
  /** The partial file; its current length is where the transfer resumes. */
  partPath: string;
  /** Expected total size in bytes. */
  size: number;
  /** Only the first `size` bytes of a longer file are wanted (a model card's front matter). */
  firstBytesOnly?: boolean;
  /** Abort and retry when no byte arrives for this long (ms). */
  stallTimeoutMs: number;
  signal: AbortSignal | undefined;
  onStart(offset: number, url: string): void;
  onProgress(bytes: number): void;
}

/** Length of a file, 0 when it does not exist. */
export async function fileSize(path: string): Promise<number> {
  return (await stat(path).catch(() => null))?.size ?? 0;
}

/**
 * Throws the right error for a non-success HTTP status: {@link TransientError} for 429/5xx
 * (with Retry-After), {@link SourceNotFoundError} for 404 or the hub's RepositoryNotFound /
 * RevisionNotFound, {@link DownloadError} otherwise.
 */
export function checkStatus(res: Response, url: string, what: string): void {
  const { status } = res;
  if (status === 429 || status >= 500) {
    throw new TransientError(
      `HTTP ${status} from ${url}`,
      'status',
      status,
      parseRetryAfter(res.headers.get('retry-after')),
    );
  }
  // The hub names what is missing (and answers 401 for a repo it does not have, public or not).
  const hubCode = res.headers.get('x-error-code');
  if (hubCode === 'RepositoryNotFound') {
    throw new SourceNotFoundError(
      `${what}: no such repository (HTTP ${status} RepositoryNotFound) at ${url}; check the owner/name, or set HF_TOKEN if it is private`,
    );
  }
  if (hubCode === 'RevisionNotFound') {
    throw new SourceNotFoundError(
      `${what}: no such branch, tag or commit (HTTP ${status} RevisionNotFound) at ${url}`,
    );
  }
  if (status === 404) throw new SourceNotFoundError(`${what}: not found (HTTP 404) at ${url}`);
  if (status === 401 || status === 403) {
    throw new DownloadError(
      `${what}: HTTP ${status} from ${url}; the repo may be gated or private: accept its terms on the hub and set HF_TOKEN`,
      status,
    );
  }
  if (status >= 400) throw new DownloadError(`${what}: HTTP ${status} from ${url}`, status);
}

/**
 * {@link transferOnce}, retried (and resumed) as `s` says, with its stall timeout and abort
 * signal; each retry is reported to `s.onEvent` as about `ev` (a model's file).
 */
export function transferWithRetries(
  s: Settings,
  ev: { model: string; file: string },
  o: Omit<TransferOptions, 'stallTimeoutMs' | 'signal'>,
): Promise<void> {
  return withRetries(
    o.what,
    s,
    (attempt, delayMs, reason) => s.onEvent({ type: 'retry', ...ev, attempt, delayMs, reason }),
    () => transferOnce({ ...o, stallTimeoutMs: s.stallTimeoutMs, signal: s.signal }),
  );
}

/**
 * One attempt at fetching `url` into `partPath`, continuing from the bytes already there with
 * `Range: bytes=N-`. Dropped and stalled connections throw {@link TransientError} so the caller
 * retries (and resumes); the partial file is kept for that.
 */
export async function transferOnce(o: TransferOptions): Promise<void> {
  let offset = await fileSize(o.partPath);
  if (offset > o.size) {
    await truncate(o.partPath, 0);
    offset = 0;
  }
  if (offset === o.size) {
    await (await open(o.partPath, 'a')).close(); // a 0-byte file, or one finished before a crash
    return;
  }
  const abort = new AbortController();
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      abort.abort(new Error('stalled'));
    }, o.stallTimeoutMs);
  };
  const onOuterAbort = () => abort.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const headers: Record<string, string> = { ...o.headers, 'accept-encoding': 'identity' };
  if (offset > 0 || o.firstBytesOnly) {
    headers.range = `bytes=${offset}-${o.firstBytesOnly ? o.size - 1 : ''}`;
  }
  let written = offset;
  try {
    arm();
    const res = await fetch(o.url, { headers, signal: abort.signal, redirect: 'follow' });
    if (res.status === 416) {
      await truncate(o.partPath, 0); // the server disowns our partial file: start over
      throw new TransientError(`HTTP 416 for ${headers.range ?? 'no range'}`, 'status', 416, 0);
    }
    checkStatus(res, o.url, o.what);
    let start = 0;
    if (res.status === 206) {
      start = Number(/^bytes (\d+)-/.exec(res.headers.get('content-range') ?? '')?.[1] ?? -1);
      if (start !== offset) {
        await truncate(o.partPath, 0);
        throw new TransientError(
          `Content-Range starts at ${start}, wanted ${offset}`,
          'status',
          206,
          0,
        );
      }
    }
    written = start; // a 200 answer to a Range request restarts from byte 0
    o.onStart(start, o.url);
    const file = await open(o.partPath, start === 0 ? 'w' : 'a');
    try {
      // Node's web streams are async-iterable (the DOM typings just do not say so here).
      const body = (res.body ?? []) as unknown as AsyncIterable<Uint8Array>;
      for await (const value of body) {
        arm();
        // A server that ignores the Range end sends the whole file: stop reading at `size`.
        const chunk = o.firstBytesOnly ? value.subarray(0, o.size - written) : value;
        await file.write(chunk);
        written += chunk.byteLength;
        o.onProgress(written);
        if (o.firstBytesOnly && written >= o.size) break;
      }
    } finally {
      await file.close();
    }
  } catch (err) {
    if (
      err instanceof TransientError ||
      err instanceof DownloadError ||
      err instanceof SourceNotFoundError
    ) {
      throw err;
    }
    if (o.signal?.aborted) throw o.signal.reason;
    if ((err as { syscall?: string }).syscall) throw err; // a local disk error, not the network
    if (stalled) {
      throw new TransientError(
        `no data for ${o.stallTimeoutMs} ms at byte ${written} of ${o.size}`,
        'stall',
      );
    }
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    throw new TransientError(
      `connection lost at byte ${written} of ${o.size}: ${(err as Error).message}${cause ? ` (${cause})` : ''}`,
      'network',
    );
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onOuterAbort);
  }
  if (written < o.size) {
    throw new TransientError(`connection closed at byte ${written} of ${o.size}`, 'network');
  }
}
