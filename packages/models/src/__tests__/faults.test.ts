import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DownloadError,
  DownloadTimeoutError,
  IntegrityError,
  SourceNotFoundError,
} from '../errors.js';
import type { ResolveEvent, ResolveOptions } from '../options.js';
import { resolveModel } from '../resolve.js';
import { serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import { bytes, commitId, sha256, writeManifest } from './helpers.js';

const big = bytes(500_000, 3);
const small = Buffer.from('{"vocab_size":50257}\n');
const REPO = 'acme/plates';
const COMMIT = commitId('plates');

/** Every file (not directory) under `dir`, relative. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) =>
      statSync(join(dir, p), { throwIfNoEntry: false })?.isFile(),
    );
  } catch {
    return [];
  }
}

describe('downloads survive faults', () => {
  let hub: HubMirror;
  let tmp: ReturnType<typeof makeTempDir>;
  let events: ResolveEvent[];
  let opts: ResolveOptions;
  beforeAll(async () => {
    hub = await serveHubMirror([
      { repo: REPO, path: 'model.onnx', data: big, commit: COMMIT, lfs: true },
      { repo: REPO, path: 'config.json', data: small, commit: COMMIT },
    ]);
  });
  afterAll(() => hub.close());
  beforeEach(() => {
    tmp = makeTempDir();
    hub.requests.length = 0;
    events = [];
    opts = {
      cacheDir: join(tmp.path, 'cache'),
      endpoint: hub.url,
      retryDelayMs: 10,
      stallTimeoutMs: 2_000,
      onEvent: (e) => events.push(e),
    };
    return () => tmp.remove();
  });
  const manifest = (file = 'model.onnx', data = big, sha?: string) =>
    writeManifest(join(tmp.path, 'app'), [
      {
        id: 'm',
        files: [
          { name: file, source: `hf:${REPO}@main/${file}`, data, ...(sha && { sha256: sha }) },
        ],
      },
    ]);

  it('resumes with a Range request after the connection drops at 40%', async () => {
    // The server writes 200 000 of 500 000 bytes and resets the socket; the client keeps what
    // reached it (a reset may discard a few in-flight bytes) and asks for the rest.
    hub.fail('/cdn/', { type: 'drop', afterBytes: 200_000 });
    const model = await resolveModel(await manifest(), 'm', opts);
    const retry = events.find((e) => e.type === 'retry');
    const kept = Number(/connection lost at byte (\d+) of 500000/.exec(retry?.reason ?? '')?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(200_000);
    const cdn = hub.requests.filter((r) => r.url.startsWith('/cdn/'));
    expect(cdn.map((r) => [r.status, r.range])).toEqual([
      [200, undefined],
      [206, `bytes=${kept}-`],
    ]);
    const starts = events.filter((e) => e.type === 'download-start');
    expect(starts.map((e) => e.offset)).toEqual([0, kept]);
    expect(sha256(readFileSync(model.path))).toBe(sha256(big));
  });

  it('deletes wrong bytes and names both hashes; nothing stays in the cache', async () => {
    hub.fail('/cdn/', { type: 'wrong-bytes' });
    const err = await resolveModel(await manifest(), 'm', opts).catch((e: unknown) => e);
    const actual = sha256(Buffer.from(big.map((b) => b ^ 0xff)));
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toContain(`expected sha256 ${sha256(big)}, got ${actual}`);
    expect((err as IntegrityError).actual).toBe(actual);
    expect(filesUnder(opts.cacheDir!)).toEqual([]);
    // The next try gets good bytes and succeeds.
    await expect(resolveModel(await manifest(), 'm', opts)).resolves.toMatchObject({ id: 'm' });
  });

  it('fails at once on 404, naming the URL', async () => {
    const err = await resolveModel(await manifest('missing.onnx', small), 'm', opts).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SourceNotFoundError);
    expect((err as Error).message).toBe(
      `m/missing.onnx: not found (HTTP 404) at ${hub.url}/${REPO}/resolve/main/missing.onnx`,
    );
    expect(hub.requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says on 429 and 503, then succeeds', async () => {
    hub.fail('/resolve/main/model.onnx', { type: 'status', status: 429, retryAfter: '1' });
    hub.fail('/cdn/', { type: 'status', status: 503, retryAfter: '1' });
    await resolveModel(await manifest(), 'm', opts);
    const retries = events.filter((e) => e.type === 'retry');
    expect(retries.map((e) => [e.delayMs, e.reason])).toEqual([
      [1000, `HTTP 429 from ${hub.url}/${REPO}/resolve/main/model.onnx`],
      [1000, expect.stringMatching(/^HTTP 503 from http:\/\/localhost:\d+\/cdn\//)],
    ]);
    const seen = hub.requests.map((r) => [r.method, r.status]);
    expect(seen).toEqual([
      ['HEAD', 429],
      ['HEAD', 302],
      ['GET', 503],
      ['GET', 200],
    ]);
    // The retry came no sooner than the server asked (a lower bound, not a timing benchmark).
    expect(hub.requests[1]!.at - hub.requests[0]!.at).toBeGreaterThanOrEqual(990);
    expect(hub.requests[3]!.at - hub.requests[2]!.at).toBeGreaterThanOrEqual(990);
  });

  it('gives up on a server that keeps answering 503, with the status', async () => {
    hub.fail('/resolve/main/config.json', { type: 'status', status: 503 }, 3);
    const err = await resolveModel(await manifest('config.json', small), 'm', {
      ...opts,
      retries: 2,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).httpStatus).toBe(503);
    expect((err as Error).message).toMatch(/gave up after 3 attempt\(s\); last error: HTTP 503/);
    expect(hub.requests).toHaveLength(3);
  });

  it('times out a stalled transfer, keeps the partial file, and resumes it next time', async () => {
    hub.fail('/cdn/', { type: 'stall', afterBytes: 100_000 }, 2);
    const err = await resolveModel(await manifest(), 'm', {
      ...opts,
      stallTimeoutMs: 300,
      retries: 1,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadTimeoutError);
    expect((err as Error).message).toMatch(
      /gave up after 2 attempt\(s\); last error: no data for 300 ms at byte 200000 of 500000/,
    );
    expect(hub.requests.filter((r) => r.url.startsWith('/cdn/')).map((r) => r.range)).toEqual([
      undefined,
      'bytes=100000-',
    ]);
    expect(filesUnder(opts.cacheDir!)).toEqual([
      join('hub', `models--acme--plates`, 'blobs', `${sha256(big)}.incomplete`),
    ]);

    hub.requests.length = 0;
    const model = await resolveModel(await manifest(), 'm', opts);
    expect(
      hub.requests.filter((r) => r.url.startsWith('/cdn/')).map((r) => [r.status, r.range]),
    ).toEqual([[206, 'bytes=200000-']]);
    expect(model.path).toContain(COMMIT);
  });
});
