import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrityError, OfflineError } from '@shipml/models';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadMl100kFold } from '../server/data/movielens-100k.js';
import { syntheticMovieLens, writeMl100kFolder } from '../server/data/synthetic-movielens.js';
import { loadDataset, movieLensFolder } from './load-data.js';

const ENV = ['MOVIELENS_BASE_URL', 'SHIPML_CACHE', 'SHIPML_OFFLINE', 'HF_HUB_OFFLINE'] as const;
const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

/** A small ml-100k-format archive, laid out as GroupLens' (`ml-100k/u.data`, …). */
async function ml100kZip(): Promise<{ zip: Buffer; ratings: number }> {
  const { data } = syntheticMovieLens({ nUsers: 30, nItems: 200, nRatings: 900 });
  const dir = await mkdtemp(join(tmpdir(), 'ml100k-zip-'));
  await writeMl100kFolder(dir, data);
  const files: Record<string, Uint8Array> = {};
  for (const name of await readdir(dir)) files[`ml-100k/${name}`] = await readFile(join(dir, name));
  await rm(dir, { recursive: true });
  return { zip: Buffer.from(zipSync(files)), ratings: data.ratings.length };
}

describe('MovieLens downloaded from GroupLens (a loopback server laid out like it)', () => {
  const served = new Map<string, Buffer | string>();
  const requests: string[] = [];
  let server: Server;
  let base: string;
  let cache: string;
  let ratings: number;
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    const built = await ml100kZip();
    ratings = built.ratings;
    const evil = Buffer.from(
      zipSync({ 'ml-100k/u.data': new Uint8Array(3), '../evil': new Uint8Array(1) }),
    );
    const add = (dir: string, zip: Buffer, sum = md5(zip)) => {
      served.set(`${dir}/ml-100k.zip`, zip);
      served.set(`${dir}/ml-100k.zip.md5`, `MD5 (ml-100k.zip) = ${sum}\n`);
    };
    add('/datasets/movielens', built.zip);
    add('/wrong-md5', built.zip, '0'.repeat(32));
    add('/zip-slip', evil);
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push(`${req.method} ${path}`);
      const body = served.get(path);
      if (body === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
  beforeEach(async () => {
    for (const k of ENV) saved.set(k, process.env[k]);
    cache = await mkdtemp(join(tmpdir(), 'movielens-cache-'));
    process.env.SHIPML_CACHE = cache;
    process.env.MOVIELENS_BASE_URL = `${base}/datasets/movielens`;
    delete process.env.SHIPML_OFFLINE;
    delete process.env.HF_HUB_OFFLINE;
    requests.length = 0;
    return async () => {
      for (const [k, v] of saved)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      await rm(cache, { recursive: true, force: true });
    };
  });

  it('downloads, checks the md5, unzips and loads ml-100k; the second time from the cache', async () => {
    const data = await loadDataset('ml-100k');
    expect(data.ratings.length).toBe(ratings);
    expect(requests).toEqual([
      'GET /datasets/movielens/ml-100k.zip.md5',
      'HEAD /datasets/movielens/ml-100k.zip',
      'GET /datasets/movielens/ml-100k.zip',
    ]);
    const folder = await movieLensFolder('ml-100k');
    expect(folder.startsWith(cache)).toBe(true);
    expect(folder).toMatch(/files[/\\]md5-[0-9a-f]{32}[/\\]unzipped[/\\]ml-100k$/);
    const fold = await loadMl100kFold(folder, 1);
    expect(fold.train.ratings.length + fold.test.length).toBe(ratings);

    process.env.HF_HUB_OFFLINE = '1'; // the cache alone must do now
    expect((await loadDataset('ml-100k')).ratings.length).toBe(ratings);
    expect(requests).toHaveLength(3);
  });

  it('fails clearly on a wrong md5 and keeps nothing', async () => {
    process.env.MOVIELENS_BASE_URL = `${base}/wrong-md5`;
    const err = await loadDataset('ml-100k').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toMatch(
      /ml-100k.zip: the bytes downloaded from .* do not match: expected md5 0{32}/,
    );
    expect(
      readdirSync(cache, { recursive: true }).filter((p) =>
        /\.zip|unzipped|ml-100k$/.test(String(p)),
      ),
    ).toEqual([]);
  });

  it('refuses an archive that would write outside its folder, leaving no half-extracted folder', async () => {
    process.env.MOVIELENS_BASE_URL = `${base}/zip-slip`;
    await expect(movieLensFolder('ml-100k')).rejects.toThrow(/refusing to extract "..\/evil"/);
    const files = readdirSync(cache, { recursive: true }).map(String);
    expect(files.filter((p) => p.includes('unzipped'))).toEqual([]);
    expect(existsSync(join(cache, 'shipml', 'evil'))).toBe(false);
  });

  it('says how to fetch it when offline with an empty cache', async () => {
    process.env.HF_HUB_OFFLINE = '1';
    await expect(loadDataset('ml-100k')).rejects.toThrow(OfflineError);
    await expect(loadDataset('ml-100k')).rejects.toThrow(/pnpm train -- --dataset ml-100k/);
    expect(requests).toEqual([]);
  });

  it('still reads a folder given with --data, without network', async () => {
    const folder = await movieLensFolder('ml-100k', '/some/where/ml-100k');
    expect(folder).toBe('/some/where/ml-100k');
    expect(requests).toEqual([]);
  });
});
