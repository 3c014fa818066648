import { lstatSync, readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrityError } from '../errors.js';
import type { ResolveEvent } from '../options.js';
import { resolveModel } from '../resolve.js';
import { serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import { bytes, commitId, sha256, writeManifest } from './helpers.js';

const COMMIT = commitId('distilgpt2-v1');
const onnx = bytes(300_000, 7);
const config = Buffer.from('{"model_type":"gpt2"}\n');

describe('hub downloads into the Hugging Face cache layout', () => {
  let hub: HubMirror;
  const tmp = makeTempDir();
  beforeAll(async () => {
    hub = await serveHubMirror([
      {
        repo: 'onnx-community/distilgpt2',
        path: 'onnx/model.onnx',
        data: onnx,
        commit: COMMIT,
        lfs: true,
      },
      { repo: 'onnx-community/distilgpt2', path: 'config.json', data: config, commit: COMMIT },
    ]);
  });
  afterAll(async () => {
    await hub.close();
    tmp.remove();
  });

  it('follows the CDN redirect, writes blobs/snapshots/refs, and sends the token only to the hub', async () => {
    const manifest = await writeManifest(join(tmp.path, 'app'), [
      {
        id: 'distilgpt2',
        runtime: 'transformers',
        files: [
          {
            name: 'onnx/model.onnx',
            source: 'hf:onnx-community/distilgpt2@main/onnx/model.onnx',
            data: onnx,
          },
          {
            name: 'config.json',
            source: 'hf:onnx-community/distilgpt2@main/config.json',
            data: config,
          },
        ],
      },
    ]);
    const cacheDir = join(tmp.path, 'cache');
    const events: ResolveEvent[] = [];
    const model = await resolveModel(manifest, 'distilgpt2', {
      cacheDir,
      endpoint: hub.url,
      token: 'hf_secret',
      onEvent: (e) => events.push(e),
    });

    const repo = join(cacheDir, 'hub', 'models--onnx-community--distilgpt2');
    expect(model.path).toBe(join(repo, 'snapshots', COMMIT, 'onnx/model.onnx'));
    expect(model.files['config.json']).toBe(join(repo, 'snapshots', COMMIT, 'config.json'));
    expect(readFileSync(join(repo, 'refs', 'main'), 'utf8')).toBe(COMMIT);
    // Same layout as huggingface_hub: relative symlinks into blobs/<etag>.
    expect(lstatSync(model.path).isSymbolicLink()).toBe(true);
    expect(readlinkSync(model.path)).toBe(`../../../blobs/${sha256(onnx)}`);
    expect(realpathSync(model.files['config.json']!)).toMatch(/blobs\/[0-9a-f]{40}$/);
    expect(sha256(readFileSync(model.path))).toBe(sha256(onnx));
    expect(readdirSync(join(repo, 'blobs')).sort()).toHaveLength(2); // no .incomplete or .lock left

    const resolveReqs = hub.requests.filter((r) => r.url.includes('/resolve/'));
    const cdnReqs = hub.requests.filter((r) => r.url.startsWith('/cdn/'));
    expect(resolveReqs.map((r) => [r.method, r.status])).toEqual([
      ['HEAD', 302],
      ['HEAD', 200],
      ['GET', 200],
    ]);
    expect(resolveReqs.every((r) => r.authorization === 'Bearer hf_secret')).toBe(true);
    expect(cdnReqs).toHaveLength(1);
    expect(cdnReqs[0]?.authorization).toBeUndefined();
    expect(events.filter((e) => e.type === 'download-done').map((e) => e.file)).toEqual([
      'onnx/model.onnx',
      'config.json',
    ]);
    const last = events.filter((e) => e.type === 'progress').at(-2);
    expect(last).toMatchObject({ file: 'onnx/model.onnx', bytes: onnx.length, total: onnx.length });

    // Resolving again makes no request at all.
    const before = hub.requests.length;
    await resolveModel(manifest, 'distilgpt2', { cacheDir, endpoint: hub.url });
    expect(hub.requests.length).toBe(before);
  });

  it('reads HF_ENDPOINT and HF_TOKEN from the environment and pins a commit', async () => {
    const manifest = await writeManifest(join(tmp.path, 'env'), [
      {
        id: 'cfg',
        files: [
          {
            name: 'config.json',
            source: `hf:onnx-community/distilgpt2@${COMMIT}/config.json`,
            data: config,
          },
        ],
      },
    ]);
    const saved = { endpoint: process.env.HF_ENDPOINT, token: process.env.HF_TOKEN };
    process.env.HF_ENDPOINT = hub.url;
    process.env.HF_TOKEN = 'hf_from_env';
    try {
      hub.requests.length = 0;
      const cacheDir = join(tmp.path, 'cache-env');
      const model = await resolveModel(manifest, 'cfg', { cacheDir });
      expect(model.path).toContain(join('snapshots', COMMIT, 'config.json'));
      expect(hub.requests[0]).toMatchObject({
        method: 'HEAD',
        url: `/onnx-community/distilgpt2/resolve/${COMMIT}/config.json`,
        authorization: 'Bearer hf_from_env',
      });
      // A commit pin writes no ref.
      expect(() =>
        readdirSync(join(cacheDir, 'hub/models--onnx-community--distilgpt2/refs')),
      ).toThrow();
    } finally {
      process.env.HF_ENDPOINT = saved.endpoint;
      process.env.HF_TOKEN = saved.token;
      if (saved.endpoint === undefined) delete process.env.HF_ENDPOINT;
      if (saved.token === undefined) delete process.env.HF_TOKEN;
    }
  });

  it('refuses before downloading when the hub reports another hash than the manifest', async () => {
    const other = bytes(1000, 99);
    const manifest = await writeManifest(join(tmp.path, 'stale'), [
      {
        id: 'stale',
        files: [
          {
            name: 'model.onnx',
            source: 'hf:onnx-community/distilgpt2@main/onnx/model.onnx',
            data: other,
            sha256: sha256(onnx),
          },
        ],
      },
    ]);
    hub.requests.length = 0;
    const err = await resolveModel(manifest, 'stale', {
      cacheDir: join(tmp.path, 'c3'),
      endpoint: hub.url,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toMatch(
      /has onnx\/model\.onnx at 300000 bytes, the manifest expects 1000/,
    );
    expect(hub.requests.map((r) => r.method)).toEqual(['HEAD']);
  });
});
