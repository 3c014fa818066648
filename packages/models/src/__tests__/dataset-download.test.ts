import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchChecksummed } from '../checksummed-download.js';
import { IntegrityError, OfflineError, SourceNotFoundError } from '../errors.js';
import type { ResolveEvent } from '../options.js';
import { fetchVerified, type FetchVerifiedOptions } from '../verified-download.js';
import { serveFiles, type FileMirror } from './file-mirror.js';
import { bytes, sha256 } from './helpers.js';

const zip = bytes(300_000, 7);
const md5 = createHash('md5').update(zip).digest('hex');
const DIR = '/datasets/movielens';

/** Every file (not directory) under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) =>
    statSync(join(dir, p), { throwIfNoEntry: false })?.isFile(),
  );
}

describe('downloading a data set checksummed by its publisher', () => {
  let mirror: FileMirror;
  let tmp: ReturnType<typeof makeTempDir>;
  let events: ResolveEvent[];
  let opts: FetchVerifiedOptions;
  beforeAll(async () => {
    mirror = await serveFiles({
      [`${DIR}/ml-100k.zip`]: zip,
      [`${DIR}/ml-100k.zip.md5`]: `MD5 (ml-100k.zip) = ${md5}\n`,
      [`${DIR}/gnu.zip`]: zip,
      [`${DIR}/gnu.zip.md5`]: `${md5}  gnu.zip\n`,
      [`${DIR}/bad.zip`]: zip,
      [`${DIR}/bad.zip.md5`]: `MD5 (bad.zip) = ${'0'.repeat(32)}\n`,
    });
  });
  afterAll(() => mirror.close());
  beforeEach(() => {
    tmp = makeTempDir();
    mirror.requests.length = 0;
    events = [];
    opts = {
      cacheDir: join(tmp.path, 'cache'),
      offline: false,
      retryDelayMs: 10,
      onEvent: (e) => events.push(e),
    };
    return () => tmp.remove();
  });
  const url = (name: string) => `${mirror.url}${DIR}/${name}`;

  it('downloads, checks the md5 and answers the next calls from the cache, offline too', async () => {
    const first = await fetchChecksummed(url('ml-100k.zip'), opts);
    expect(first.expected).toEqual({ md5 });
    expect(first.path).toBe(
      join(tmp.path, 'cache', 'shipml', 'url', 'files', `md5-${md5}`, 'ml-100k.zip'),
    );
    expect(readFileSync(first.path).equals(zip)).toBe(true);
    expect(mirror.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${DIR}/ml-100k.zip.md5`,
      `HEAD ${DIR}/ml-100k.zip`,
      `GET ${DIR}/ml-100k.zip`,
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'download-done', bytes: zip.length });

    mirror.requests.length = 0;
    expect((await fetchChecksummed(url('ml-100k.zip'), opts)).path).toBe(first.path);
    expect((await fetchChecksummed(url('ml-100k.zip'), { ...opts, offline: true })).path).toBe(
      first.path,
    );
    expect(mirror.requests).toEqual([]);
  });

  it('reads the GNU checksum format too', async () => {
    const { path } = await fetchChecksummed(url('gnu.zip'), opts);
    expect(readFileSync(path).equals(zip)).toBe(true);
  });

  it('keeps nothing when the bytes do not match the published md5', async () => {
    const err = await fetchChecksummed(url('bad.zip'), opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toMatch(
      new RegExp(`bad.zip: .* expected md5 0{32}, got ${md5}\\. Nothing was kept in the cache`),
    );
    expect(filesUnder(join(tmp.path, 'cache'))).toEqual([]);
  });

  it('resumes a dropped download where it stopped', async () => {
    mirror.dropNext(`${DIR}/ml-100k.zip`, 100_000);
    const { path } = await fetchChecksummed(url('ml-100k.zip'), opts);
    expect(readFileSync(path).equals(zip)).toBe(true);
    const gets = mirror.requests.filter((r) => r.method === 'GET' && r.path.endsWith('.zip'));
    expect(gets.map((r) => r.range)).toEqual([undefined, 'bytes=100000-']);
    expect(events.some((e) => e.type === 'retry')).toBe(true);
  });

  it('fails clearly offline when nothing is cached, without a request', async () => {
    const command = 'pnpm train -- --dataset ml-100k';
    const err = await fetchChecksummed(url('ml-100k.zip'), {
      ...opts,
      offline: true,
      command,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfflineError);
    expect((err as Error).message).toMatch(
      /ml-100k.zip is not in the cache, and the network is off/,
    );
    expect((err as Error).message).toContain(command);
    expect(mirror.requests).toEqual([]);
  });

  it('names a missing file', async () => {
    await expect(fetchChecksummed(url('ml-1m.zip'), opts)).rejects.toThrow(SourceNotFoundError);
  });

  it('takes a known sha256 and size directly, without a HEAD request', async () => {
    const path = await fetchVerified(
      url('ml-100k.zip'),
      { sha256: sha256(zip), size: zip.length },
      opts,
    );
    expect(path).toContain(join('files', `sha256-${sha256(zip)}`, 'ml-100k.zip'));
    expect(mirror.requests.map((r) => r.method)).toEqual(['GET']);
    await expect(fetchVerified(url('ml-100k.zip'), { md5: 'nope' }, opts)).rejects.toThrow(
      /expected a lower-case hex md5 \(32 digits\)/,
    );
  });
});
