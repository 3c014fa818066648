import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeHubModel, type HubModel } from '../describe-hub.js';
import { DownloadError, OfflineError, SourceNotFoundError } from '../errors.js';
import { defaultModelId, loadManifest } from '../manifest.js';
import { saveModelEntry } from '../manifest-write.js';
import { resolveModel } from '../resolve.js';
import { bytes, commitId, sha256 } from './helpers.js';
import { runCli } from './run-cli.js';

const REPO = 'acme/gpt-small';
const V1 = commitId('gpt-small v1');
const V2 = commitId('gpt-small v2');
const onnx = bytes(200_000, 3);
const onnxV2 = bytes(200_001, 4);
const config = Buffer.from('{"model_type":"gpt2"}\n');
const tokenizer = Buffer.from('{"model":{"type":"BPE"}}\n');
/** The error a promise rejects with (a test failure when it resolves). */
const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => Promise.reject(new Error('expected a rejection')),
    (e: unknown) => e as Error,
  );

describe('declaring a hub model: describeHubModel, saveModelEntry, shipml models add', () => {
  let hub: HubMirror;
  const tmp = makeTempDir('shipml-add-');
  const opts = () => ({ endpoint: hub.url, cacheDir: join(tmp.path, 'cache'), retries: 0 });
  const model: HubModel = {
    repo: REPO,
    files: ['onnx/model.onnx', 'config.json', 'tokenizer.json'],
    id: 'gpt-small',
    runtime: 'transformers',
    task: 'text-generation',
  };

  beforeAll(async () => {
    hub = await serveHubMirror([
      { repo: REPO, path: 'onnx/model.onnx', data: onnx, commit: V1, refs: ['v1'], lfs: true },
      { repo: REPO, path: 'config.json', data: config, commit: V1, refs: ['v1'] },
      { repo: REPO, path: 'tokenizer.json', data: tokenizer, commit: V1, refs: ['v1'] },
      { repo: REPO, path: 'onnx/model.onnx', data: onnxV2, commit: V2, lfs: true },
      { repo: REPO, path: 'config.json', data: config, commit: V2 },
      { repo: REPO, path: 'tokenizer.json', data: tokenizer, commit: V2 },
    ]);
  });
  beforeEach(() => void hub.requests.splice(0));
  afterAll(async () => {
    await hub.close();
    tmp.remove();
  });

  it('pins the commit the revision is at, takes LFS hashes from the hub, hashes plain files', async () => {
    const entry = await describeHubModel(model, opts());
    expect(entry).toEqual({
      id: 'gpt-small',
      task: 'text-generation',
      runtime: 'transformers',
      files: [
        {
          name: 'onnx/model.onnx',
          source: `hf:${REPO}@${V2}/onnx/model.onnx`,
          sha256: sha256(onnxV2),
          size: onnxV2.length,
        },
        {
          name: 'config.json',
          source: `hf:${REPO}@${V2}/config.json`,
          sha256: sha256(config),
          size: config.length,
        },
        {
          name: 'tokenizer.json',
          source: `hf:${REPO}@${V2}/tokenizer.json`,
          sha256: sha256(tokenizer),
          size: tokenizer.length,
        },
      ],
    });
    // The weights are never downloaded (no request reaches the CDN); the others are asked
    // for at the pinned commit, not at `main`.
    expect(hub.requests.some((r) => r.url.startsWith('/cdn/'))).toBe(false);
    expect(hub.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `HEAD /${REPO}/resolve/main/onnx/model.onnx`,
      `HEAD /${REPO}/resolve/${V2}/config.json`,
      `GET /${REPO}/resolve/${V2}/config.json`,
      `HEAD /${REPO}/resolve/${V2}/tokenizer.json`,
      `GET /${REPO}/resolve/${V2}/tokenizer.json`,
      `HEAD /${REPO}/resolve/${V2}/README.md`, // the licence, from a model card it lacks
    ]);

    const v1 = await describeHubModel({ ...model, revision: 'v1' }, opts());
    expect(v1.files[0]).toMatchObject({
      source: `hf:${REPO}@${V1}/onnx/model.onnx`,
      sha256: sha256(onnx),
    });
  });

  it('writes the entry atomically beside the others, as the default, and it resolves', async () => {
    const manifestPath = join(tmp.path, 'app', 'models.json');
    const mine = {
      name: 'model.onnx',
      source: 'file:./mine.onnx',
      sha256: sha256(config),
      size: config.length,
    };
    mkdirSync(join(tmp.path, 'app'));
    writeFileSync(
      manifestPath,
      JSON.stringify({ models: [{ id: 'mine', runtime: 'onnx', files: [mine] }], default: 'mine' }),
    );
    await saveModelEntry(manifestPath, await describeHubModel(model, opts()), {
      makeDefault: true,
    });
    const manifest = await loadManifest(manifestPath);
    expect(defaultModelId(manifest)).toBe('gpt-small');
    expect(manifest.models.map((m) => m.id)).toEqual(['mine', 'gpt-small']);
    const resolved = await resolveModel(manifest, 'gpt-small', opts());
    expect(readFileSync(resolved.path).equals(onnxV2)).toBe(true);
    expect(readFileSync(resolved.files['tokenizer.json']!).equals(tokenizer)).toBe(true);
  });

  it('names the repo, revision or file the hub does not have', async () => {
    const fail = (m: Partial<HubModel>) => failure(describeHubModel({ ...model, ...m }, opts()));
    const repo = await fail({ repo: 'acme/nope' });
    expect(repo).toBeInstanceOf(SourceNotFoundError);
    expect(repo.message).toBe(
      `acme/nope@main/onnx/model.onnx: no such repository (HTTP 401 RepositoryNotFound) at ${hub.url}/acme/nope/resolve/main/onnx/model.onnx; check the owner/name, or set HF_TOKEN if it is private`,
    );
    const rev = await fail({ revision: 'v9' });
    expect(rev.message).toMatch(
      /^acme\/gpt-small@v9\/onnx\/model.onnx: no such branch, tag or commit \(HTTP 404 RevisionNotFound\)/,
    );
    const file = await fail({ files: ['onnx/model.onnx', 'merges.txt'] });
    expect(file).toBeInstanceOf(SourceNotFoundError);
    expect(file.message).toBe(
      `${REPO}@${V2}/merges.txt: not found (HTTP 404) at ${hub.url}/${REPO}/resolve/${V2}/merges.txt`,
    );
  });

  it('says plainly when the hub cannot be reached, or offline mode is on', async () => {
    const closed = await serveHubMirror([]);
    await closed.close(); // a port nobody listens on
    const err = await failure(
      describeHubModel(model, { ...opts(), endpoint: closed.url, retries: 1, retryDelayMs: 1 }),
    );
    expect(err).toBeInstanceOf(DownloadError);
    expect(err.message).toMatch(
      new RegExp(
        `^Cannot reach the Hugging Face hub at ${closed.url} to look up ${REPO} \\(.*ECONNREFUSED.*\\)\\. Check the internet connection`,
      ),
    );
    await expect(describeHubModel(model, { ...opts(), offline: true })).rejects.toThrow(
      OfflineError,
    );
  });

  it('shipml models add: the built binary, HF_ENDPOINT, exit codes 0, 1 and 2', async () => {
    const env = { HF_ENDPOINT: hub.url, SHIPML_CACHE: join(tmp.path, 'cache') };
    const files = ['--files', 'onnx/model.onnx,config.json'];
    const manifestPath = join(tmp.path, 'models.json');
    const added = await runCli(
      [
        'models',
        'add',
        `${REPO}@v1`,
        '--id',
        'small',
        '--runtime',
        'transformers',
        ...files,
        '--default',
      ],
      env,
      tmp.path,
    );
    expect(added.stderr).toMatch(/^shipml: warning: no license recorded for acme\/gpt-small: /);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`small  ${REPO}@v1 → commit ${V1}  2 file(s)`);
    const manifest = await loadManifest(manifestPath);
    expect(manifest.default).toBe('small');
    expect(manifest.models[0]?.files.map((f) => f.source)).toEqual([
      `hf:${REPO}@${V1}/onnx/model.onnx`,
      `hf:${REPO}@${V1}/config.json`,
    ]);

    const missing = await runCli(
      ['models', 'add', 'hf:acme/nope', '--runtime', 'onnx', ...files],
      env,
      tmp.path,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^shipml: acme\/nope@main\/onnx\/model.onnx: no such repository/,
    );
    const usage = await runCli(['models', 'add', `hf:${REPO}`, ...files], env, tmp.path);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('add needs --runtime onnx|tfjs|transformers');
    const nowhere = await runCli(
      [
        'models',
        'add',
        `hf:${REPO}`,
        '--runtime',
        'onnx',
        ...files,
        '--manifest',
        'no/such/models.json',
      ],
      env,
      tmp.path,
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain(`--manifest: no folder ${join(tmp.path, 'no/such')}`);
    expect(hub.requests.filter((r) => r.url.includes('nope')).length).toBe(1);
  });
});
