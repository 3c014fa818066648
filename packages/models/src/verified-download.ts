import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exists } from './blob-store.js';
import { checkExpected, type ExpectedDigest } from './checksum-file.js';
import { DownloadError, IntegrityError, OfflineError } from './errors.js';
import { acquireLock } from './lock.js';
import { settings, type ResolveOptions, type Settings } from './options.js';
import { TransientError, withRetries } from './retry.js';
import { checkStatus, transferWithRetries } from './transfer.js';

export interface FetchVerifiedOptions extends ResolveOptions {
  /** The file's name in the cache and in messages. Default: the URL's last path segment. */
  name?: string;
  /** The command that downloads it, shown when offline and not cached. */
  command?: string;
}

/**
 * Downloads `url` into the cache and returns the path of the verified file:
 * `<cache>/shipml/url/files/<md5|sha256>-<hex>/<name>` (named by its hash, so a new upload
 * under the same URL gets a new folder). A cached copy that still matches is returned without
 * touching the network. Downloads are locked across processes, resumed with Range requests,
 * retried on 429/5xx/dropped/stalled connections, checked against `expected` and only then
 * renamed into place, so the cache never holds a partial or wrong file. Throws
 * {@link IntegrityError} on a mismatch, {@link OfflineError} when offline and not cached.
 *
 * @example
 *   await fetchVerified('https://files.grouplens.org/datasets/movielens/ml-100k.zip',
 *     { md5: '0e33842e24a9c977be4e0107933c0723' })
 *   // → '~/.cache/huggingface/shipml/url/files/md5-0e33…/ml-100k.zip'
 */
export async function fetchVerified(
  url: string,
  expected: ExpectedDigest,
  opts: FetchVerifiedOptions = {},
): Promise<string> {
  const name = opts.name ?? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  if (!name || name.includes('/')) throw new Error(`${url}: no file name; pass opts.name`);
  checkExpected(expected, name);
  const s = settings(opts);
  const path = verifiedPath(s, expected, name);
  const ev = { model: name, file: name };
  if (await matches(path, expected)) {
    s.onEvent({ type: 'cached', ...ev, path });
    return path;
  }
  if (s.offline) throw notCachedOffline(url, name, opts.command);
  await mkdir(join(path, '..'), { recursive: true });
  const release = await acquireLock(`${path}.lock`, {
    done: () => exists(path),
    onWait: () => s.onEvent({ type: 'waiting-for-lock', ...ev, lock: `${path}.lock` }),
    signal: s.signal,
  });
  // Another process downloaded it meanwhile (it verifies before renaming): take it from the cache.
  if (!release) return fetchVerified(url, expected, opts);
  try {
    if (await matches(path, expected)) return path;
    await rm(path, { force: true });
    const size = expected.size ?? (await remoteSize(url, name, s));
    const partPath = `${path}.incomplete`;
    await transferWithRetries(s, ev, {
      what: name,
      url,
      headers: {},
      partPath,
      size,
      onStart: (offset, from) =>
        s.onEvent({ type: 'download-start', ...ev, url: from, total: size, offset }),
      onProgress: (bytes) => s.onEvent({ type: 'progress', ...ev, bytes, total: size }),
    });
    const problem = await mismatch(partPath, expected);
    if (problem) {
      await rm(partPath, { force: true });
      throw new IntegrityError(
        `${name}: the bytes downloaded from ${url} do not match: expected ${problem.algo} ${problem.expected}, got ${problem.actual}. Nothing was kept in the cache.`,
        problem.expected,
        problem.actual,
      );
    }
    await rename(partPath, path);
    s.onEvent({ type: 'download-done', ...ev, path, bytes: size });
    return path;
  } finally {
    await release();
  }
}

/** The error for a file that is not cached while the network is off. */
export function notCachedOffline(url: string, name: string, command?: string): OfflineError {
  const cmd = command ?? `run again with network access to download ${url}`;
  return new OfflineError(
    `${name} is not in the cache, and the network is off (SHIPML_OFFLINE=1, HF_HUB_OFFLINE=1 or offline: true). Fetch it once with network access:\n  ${cmd}`,
    [url],
    cmd,
  );
}

/** Where {@link fetchVerified} keeps a file with this digest (sha256 preferred when both are given). */
export function verifiedPath(
  s: Pick<Settings, 'urlDir'>,
  expected: ExpectedDigest,
  name: string,
): string {
  const key = expected.sha256 ? `sha256-${expected.sha256}` : `md5-${expected.md5}`;
  return join(s.urlDir, 'files', key, name);
}

async function matches(path: string, expected: ExpectedDigest): Promise<boolean> {
  // A damaged copy counts as missing: the download replaces it.
  return (await exists(path)) && !(await mismatch(path, expected));
}

/** The first way the file differs from `expected` (size, then each hash), or undefined. */
async function mismatch(
  path: string,
  expected: ExpectedDigest,
): Promise<{ algo: string; expected: string; actual: string } | undefined> {
  const { size } = await stat(path);
  if (expected.size !== undefined && size !== expected.size) {
    return { algo: 'size', expected: String(expected.size), actual: String(size) };
  }
  const algos = (['sha256', 'md5'] as const).filter((a) => expected[a]);
  const hashes = algos.map((a) => createHash(a));
  // One pass over the file for every hash asked for.
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const h of hashes) h.update(chunk);
  }
  for (const [i, algo] of algos.entries()) {
    const actual = hashes[i]!.digest('hex');
    if (actual !== expected[algo]) return { algo, expected: expected[algo]!, actual };
  }
  return undefined;
}

/** The file's length from a HEAD request (retried like the transfer), for resuming and progress. */
async function remoteSize(url: string, name: string, s: Settings): Promise<number> {
  return withRetries(
    name,
    s,
    (attempt, delayMs, reason) =>
      s.onEvent({ type: 'retry', model: name, file: name, attempt, delayMs, reason }),
    async () => {
      const timeout = AbortSignal.timeout(s.stallTimeoutMs);
      const signal = s.signal ? AbortSignal.any([s.signal, timeout]) : timeout;
      let res: Response;
      try {
        res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal });
      } catch (err) {
        if (s.signal?.aborted) throw s.signal.reason;
        if (timeout.aborted) {
          throw new TransientError(`no answer to HEAD in ${s.stallTimeoutMs} ms`, 'stall');
        }
        throw new TransientError(`HEAD ${url}: ${(err as Error).message}`, 'network');
      }
      checkStatus(res, url, name);
      const length = Number(res.headers.get('content-length') ?? Number.NaN);
      if (!Number.isSafeInteger(length) || length < 0) {
        throw new DownloadError(`${name}: HEAD ${url} gave no Content-Length`, res.status);
      }
      return length;
    },
  );
}
