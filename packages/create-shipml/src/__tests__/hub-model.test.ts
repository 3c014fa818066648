import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hubRepoFiles, serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import { loadManifest, sha256File } from '@shipml/models';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startersRoot } from './repo.js';
import { runCliAsync as runCli } from './run-cli.js';

// `--model <owner>/<repo>` against a loopback mirror of the hub (HF_ENDPOINT) that serves the
// autocomplete starter's bundled model folder under a hub repo name.
const TINY_GPT = join(startersRoot, 'autocomplete', 'models', 'tiny-gpt');
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const FLAGS = ['--recipe', 'autocomplete', '--no-install', '--no-git'];

describe('create-shipml --model <hub repo>', () => {
  let hub: HubMirror;
  const work = makeTempDir('create-shipml-hub-');
  beforeAll(async () => {
    hub = await serveHubMirror(hubRepoFiles(TINY_GPT, { repo: 'acme/small-gpt', commit: COMMIT }));
  });
  afterAll(async () => {
    await hub.close();
    work.remove();
  });

  it('pins the repo to its commit, hashes its files, and makes it the app’s default model', async () => {
    const res = await runCli(['hub-app', ...FLAGS, '--model', 'acme/small-gpt'], work.path, {
      HF_ENDPOINT: hub.url,
    });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(`model acme/small-gpt (hub commit ${COMMIT})`);
    const app = join(work.path, 'hub-app');
    const manifest = await loadManifest(join(app, 'models.json'));
    expect(manifest.default).toBe('small-gpt');
    const entry = manifest.models.find((m) => m.id === 'small-gpt')!;
    expect(entry).toMatchObject({ runtime: 'transformers', task: 'text-generation' });
    const files = ['onnx/model.onnx', 'config.json', 'generation_config.json'];
    expect(entry.files.map((f) => f.name).slice(0, 3)).toEqual(files);
    for (const f of entry.files) {
      expect(f.source).toBe(`hf:acme/small-gpt@${COMMIT}/${f.name}`);
      expect(f.sha256).toBe(await sha256File(join(TINY_GPT, f.name)));
    }
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    expect(pkg.shipml.defaultModel).toBe('acme/small-gpt');
    // The weights (LFS) were not downloaded: only the small files were.
    expect(hub.requests.filter((r) => r.url.startsWith('/cdn/'))).toEqual([]);
  });

  it('without the hub, or for a repo it does not have, exits 1 with a plain message and writes nothing', async () => {
    const offline = await runCli(
      ['offline-app', ...FLAGS, '--model', 'Xenova/distilgpt2'],
      work.path,
      {
        HF_ENDPOINT: 'http://127.0.0.1:9', // the discard port: nothing listens
      },
    );
    expect(offline.status).toBe(1);
    expect(offline.stderr).toContain(
      'Cannot use Xenova/distilgpt2 as the autocomplete model: Cannot reach the Hugging Face hub at http://127.0.0.1:9',
    );
    expect(offline.stderr).toContain('Nothing was written.');
    expect(offline.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(work.path, 'offline-app'))).toBe(false);

    const missing = await runCli(['missing-app', ...FLAGS, '--model', 'acme/nope@v2'], work.path, {
      HF_ENDPOINT: hub.url,
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('acme/nope@v2/onnx/model.onnx: no such repository');
    const unlisted = await runCli(['x-app', ...FLAGS, '--model', 'not-a-model'], work.path);
    expect(unlisted.status).toBe(1);
    expect(unlisted.stderr).toContain('or a Hugging Face hub repo <owner>/<name>[@revision]');
    expect(readdirSync(work.path)).toEqual(['hub-app']);
  });
});
