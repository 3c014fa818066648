import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseChecksumFile, type ExpectedDigest } from './checksum-file.js';
import { OfflineError } from './errors.js';
import { settings } from './options.js';
import { TransientError, withRetries } from './retry.js';
import { checkStatus } from './transfer.js';
import { fetchVerified, notCachedOffline, type FetchVerifiedOptions } from './verified-download.js';

export interface FetchChecksummedOptions extends FetchVerifiedOptions {
  /** Where the publisher's checksum file is. Default: `<url>.md5`. */
  checksumUrl?: string;
}

/** A downloaded, verified file and the checksum it was verified against. */
export interface ChecksummedFile {
  path: string;
  expected: ExpectedDigest;
}

/**
 * Downloads a file that its publisher checksums in a file beside it (GroupLens publishes
 * `ml-100k.zip.md5` next to `ml-100k.zip`), through {@link fetchVerified}: the checksum file
 * is read first (either `MD5 (name) = <hex>` or `<hex>  name`), then the file is downloaded,
 * resumed and retried as needed and checked against it. Once a download has matched, the
 * checksum is remembered in the cache, so later calls are answered from the cache with no
 * network at all (and work offline).
 */
export async function fetchChecksummed(
  url: string,
  opts: FetchChecksummedOptions = {},
): Promise<ChecksummedFile> {
  const s = settings(opts);
  const checksumUrl = opts.checksumUrl ?? `${url}.md5`;
  const name = opts.name ?? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  const key = createHash('sha256').update(`${url}\n${checksumUrl}`).digest('hex').slice(0, 16);
  const record = join(s.urlDir, 'checksums', `${key}-${name}.txt`);

  const remembered = await readFile(record, 'utf8').catch(() => undefined);
  if (remembered !== undefined) {
    const expected = parseChecksumFile(remembered, name);
    try {
      return { path: await fetchVerified(url, expected, { ...opts, offline: true }), expected };
    } catch (err) {
      // Gone from the cache: when online, read the checksum afresh (the upload may be newer).
      if (!(err instanceof OfflineError) || s.offline) throw err;
    }
  } else if (s.offline) {
    throw notCachedOffline(url, name, opts.command);
  }

  const text = await fetchText(checksumUrl, `${name} checksum`, opts);
  const expected = parseChecksumFile(text, name);
  const path = await fetchVerified(url, expected, opts);
  await mkdir(join(record, '..'), { recursive: true });
  const tmp = `${record}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, record);
  return { path, expected };
}

/** A small text file (≤ 64 KiB), retried like downloads. */
async function fetchText(url: string, what: string, opts: FetchVerifiedOptions): Promise<string> {
  const s = settings(opts);
  return withRetries(
    what,
    s,
    (attempt, delayMs, reason) =>
      s.onEvent({ type: 'retry', model: what, file: what, attempt, delayMs, reason }),
    async () => {
      const timeout = AbortSignal.timeout(s.stallTimeoutMs);
      const signal = s.signal ? AbortSignal.any([s.signal, timeout]) : timeout;
      try {
        const res = await fetch(url, { redirect: 'follow', signal });
        checkStatus(res, url, what);
        const text = await res.text();
        if (text.length > 65_536) throw new Error(`${what}: ${url} is not a checksum file`);
        return text;
      } catch (err) {
        if (s.signal?.aborted) throw s.signal.reason;
        // fetch() reports a refused or dropped connection as a TypeError: worth another try.
        if (!(err instanceof TypeError || timeout.aborted)) throw err;
        const kind = timeout.aborted ? 'stall' : 'network';
        throw new TransientError(`${url}: ${(err as Error).message}`, kind);
      }
    },
  );
}
