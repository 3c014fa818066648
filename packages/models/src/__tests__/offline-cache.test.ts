import { mkdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OfflineError } from '../errors.js';
import { resolveModel, resolveModels } from '../resolve.js';
import { serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import { bytes, commitId, sha256, writeManifest } from './helpers.js';

const weights = bytes(50_000, 11);
const tokenizer = Buffer.from('{"model":{"type":"BPE"}}');
const COMMIT = commitId('gpt2-cached');
const ENV_KEYS = [
  'HF_HOME',
  'HF_HUB_CACHE',
  'HUGGINGFACE_HUB_CACHE',
  'SHIPML_CACHE',
  'SHIPML_OFFLINE',
  'HF_HUB_OFFLINE',
  'HF_ENDPOINT',
] as const;

/** Lays out a repo the way Python's huggingface_hub leaves it after a download. */
function prepopulate(hubDir: string, repo: string, files: { path: string; data: Buffer }[]) {
  const dir = join(hubDir, `models--${repo.replace('/', '--')}`);
  mkdirSync(join(dir, 'blobs'), { recursive: true });
  mkdirSync(join(dir, 'refs'), { recursive: true });
  writeFileSync(join(dir, 'refs', 'main'), COMMIT);
  for (const f of files) {
    writeFileSync(join(dir, 'blobs', sha256(f.data)), f.data);
    const link = join(dir, 'snapshots', COMMIT, f.path);
    mkdirSync(dirname(link), { recursive: true });
    const depth = f.path.split('/').length + 1;
    symlinkSync(`${'../'.repeat(depth)}blobs/${sha256(f.data)}`, link);
  }
}

describe('cache reuse and offline mode', () => {
  let hub: HubMirror;
  let tmp: ReturnType<typeof makeTempDir>;
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};
  beforeAll(async () => {
    hub = await serveHubMirror([
      {
        repo: 'openai-community/gpt2',
        path: 'onnx/model.onnx',
        data: weights,
        commit: COMMIT,
        lfs: true,
      },
      { repo: 'openai-community/gpt2', path: 'tokenizer.json', data: tokenizer, commit: COMMIT },
    ]);
  });
  afterAll(() => hub.close());
  beforeEach(() => {
    tmp = makeTempDir();
    hub.requests.length = 0;
    for (const k of ENV_KEYS) {
      saved[k] = process.env[k];
      delete process.env[k];
    }
    process.env.HF_ENDPOINT = hub.url;
  });
  afterEach(() => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    tmp.remove();
  });

  const gpt2 = () =>
    writeManifest(join(tmp.path, 'app'), [
      {
        id: 'gpt2',
        runtime: 'transformers',
        files: [
          {
            name: 'onnx/model.onnx',
            source: 'hf:openai-community/gpt2@main/onnx/model.onnx',
            data: weights,
          },
          {
            name: 'tokenizer.json',
            source: 'hf:openai-community/gpt2@main/tokenizer.json',
            data: tokenizer,
          },
        ],
      },
    ]);

  it('reuses a cache that Python/HF tools filled, with zero requests', async () => {
    process.env.HF_HOME = join(tmp.path, 'hf-home');
    const hubDir = join(tmp.path, 'hf-home', 'hub');
    prepopulate(hubDir, 'openai-community/gpt2', [
      { path: 'onnx/model.onnx', data: weights },
      { path: 'tokenizer.json', data: tokenizer },
    ]);
    const model = await resolveModel(await gpt2(), 'gpt2');
    expect(model.path).toBe(
      join(hubDir, 'models--openai-community--gpt2', 'snapshots', COMMIT, 'onnx/model.onnx'),
    );
    expect(hub.requests).toEqual([]);
  });

  it('offline with nothing cached: fails fast, lists what is missing and the command that fetches it', async () => {
    for (const flag of ['SHIPML_OFFLINE', 'HF_HUB_OFFLINE'] as const) {
      process.env[flag] = '1';
      const manifest = await gpt2();
      const err = await resolveModel(manifest, 'gpt2', { cacheDir: join(tmp.path, 'empty') }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(OfflineError);
      expect((err as OfflineError).missing).toEqual([
        `gpt2/onnx/model.onnx (hf:openai-community/gpt2@main/onnx/model.onnx, ${weights.length} bytes)`,
        `gpt2/tokenizer.json (hf:openai-community/gpt2@main/tokenizer.json, ${tokenizer.length} bytes)`,
      ]);
      const rel = join(tmp.path, 'app', 'models.json');
      expect((err as OfflineError).command).toMatch(
        /^pnpm exec shipml models pull gpt2 --manifest .*models\.json$/,
      );
      expect((err as Error).message).toContain((err as OfflineError).command);
      expect(resolve((err as OfflineError).command.split('--manifest ')[1]!)).toBe(rel);
      delete process.env[flag];
    }
    expect(hub.requests).toEqual([]);
  });

  it('offline with the model cached: resolves without a request', async () => {
    const cacheDir = join(tmp.path, 'cache');
    await resolveModel(await gpt2(), 'gpt2', { cacheDir });
    const online = hub.requests.length;
    expect(online).toBeGreaterThan(0);
    process.env.SHIPML_OFFLINE = '1';
    const model = await resolveModel(await gpt2(), 'gpt2', { cacheDir });
    expect(model.files['tokenizer.json']).toContain(COMMIT);
    expect(hub.requests.length).toBe(online);
  });

  it('stores https sources in shipml/url with side-by-side names, reused offline', async () => {
    process.env.SHIPML_CACHE = join(tmp.path, 'shipml-cache');
    const url = `${hub.url}/cdn/${sha256(weights)}`;
    const manifest = await writeManifest(join(tmp.path, 'app'), [
      {
        id: 'plain',
        runtime: 'tfjs',
        files: [{ name: 'group1-shard1of1.bin', source: url, data: weights }],
      },
    ]);
    const first = await resolveModels(manifest);
    const path = first.plain!.path;
    expect(path).toMatch(
      /shipml-cache\/shipml\/url\/snapshots\/plain-[0-9a-f]{12}\/group1-shard1of1\.bin$/,
    );
    expect(readlinkSync(path)).toBe(`../../blobs/${sha256(weights)}`);
    expect(hub.requests.map((r) => r.url)).toEqual([`/cdn/${sha256(weights)}`]);
    process.env.SHIPML_OFFLINE = 'true';
    await expect(resolveModels(manifest)).resolves.toEqual(first);
    expect(hub.requests).toHaveLength(1);
  });
});
