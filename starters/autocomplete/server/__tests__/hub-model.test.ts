import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import {
  defaultModelId,
  describeHubModel,
  loadManifest,
  resolveModel,
  saveModelEntry,
} from '@shipml/models';
import { shipmlServe } from '@shipml/serve';
import { appRoot } from '@shipml/serve/web';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadModels } from '../models.js';
import type { CompletionAnswer } from '../pipeline/complete.js';
import { routes } from '../routes.js';

// The hub path, download and serve: the app's bundled model, served by a loopback mirror of the
// Hugging Face hub under a repo name, declared as `shipml models add` would, downloaded into a
// fresh cache on start, and completing the same greedy text as the bundled copy.
const REPO = 'acme/tiny-gpt-mirror';
const COMMIT = 'feedfacefeedfacefeedfacefeedfacefeedface';
const GREEDY = { prompt: 'Call me Ishmael. ', temperature: 0, maxNewTokens: 12 };

let hub: HubMirror;
let home: string;
let files: string[];
const saved = { ...process.env };

beforeAll(async () => {
  const manifest = await loadManifest(join(appRoot(import.meta.url), 'models.json'));
  const bundled = await resolveModel(manifest, defaultModelId(manifest));
  files = Object.keys(bundled.files);
  hub = await serveHubMirror(
    files.map((path) => ({
      repo: REPO,
      path,
      data: readFileSync(bundled.files[path]!),
      commit: COMMIT,
      lfs: path.endsWith('.onnx'),
    })),
  );
  home = mkdtempSync(join(tmpdir(), 'autocomplete-hub-'));
  for (const key of ['SHIPML_CACHE', 'HF_HUB_CACHE', 'SHIPML_OFFLINE', 'HF_HUB_OFFLINE'])
    delete process.env[key];
  process.env.HF_HOME = home;
  process.env.HF_ENDPOINT = hub.url;
});

afterAll(async () => {
  process.env = saved;
  await hub.close();
  rmSync(home, { recursive: true, force: true });
});

async function completeWith(app: FastifyInstance): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/complete', payload: GREEDY });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CompletionAnswer>().completions[0]!.text;
}

describe('a GPT-2 export from the Hugging Face hub', () => {
  it('is declared with its pinned commit and hashes, downloaded on start, and completes like the bundled copy', async () => {
    const manifestPath = join(home, 'models.json');
    const entry = await describeHubModel({
      repo: REPO,
      files,
      id: 'from-hub',
      runtime: 'transformers',
      task: 'text-generation',
    });
    await saveModelEntry(manifestPath, entry, { makeDefault: true });
    expect(entry.files.every((f) => f.source.startsWith(`hf:${REPO}@${COMMIT}/`))).toBe(true);

    const models = await loadModels({ manifest: manifestPath });
    expect(models[0]!.name).toBe('from-hub');
    const snapshot = join(home, 'hub', 'models--acme--tiny-gpt-mirror', 'snapshots', COMMIT);
    expect(existsSync(join(snapshot, 'onnx', 'model.onnx'))).toBe(true);
    expect(hub.requests.some((r) => r.method === 'GET' && r.url.startsWith('/cdn/'))).toBe(true);

    // The app as buildApp() builds it, with this manifest's model in place of the bundled one.
    const fromHub = Fastify();
    await fromHub.register(shipmlServe, { models, notFoundHandler: false });
    await fromHub.register(routes, { prefix: '/api', model: models[0]!.name });
    const bundled = await buildApp({ webRoot: false });
    try {
      const text = await completeWith(fromHub);
      expect(text.length).toBeGreaterThan(0);
      expect(text).toBe(await completeWith(bundled));
    } finally {
      await Promise.all([fromHub.close(), bundled.close()]);
    }
  });
});
