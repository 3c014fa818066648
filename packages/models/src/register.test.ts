import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultModelId, loadManifest } from './manifest.js';
import { registerLocalModel } from './register.js';
import { resolveModel } from './resolve.js';

describe('registerLocalModel', () => {
  const dirs: { path: string; remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  function app() {
    const dir = makeTempDir('shipml-register-');
    dirs.push(dir);
    writeFileSync(join(dir.path, 'models.json'), JSON.stringify({ models: [] }));
    mkdirSync(join(dir.path, 'models/v1/onnx'), { recursive: true });
    writeFileSync(join(dir.path, 'models/v1/onnx/model.onnx'), 'weights v1');
    writeFileSync(join(dir.path, 'models/v1/config.json'), '{}');
    return dir.path;
  }

  it('declares a folder with measured hashes, resolvable at once, and can make it the default', async () => {
    const root = app();
    const manifestPath = join(root, 'models.json');
    await registerLocalModel(
      manifestPath,
      {
        id: 'mine',
        runtime: 'transformers',
        folder: join(root, 'models/v1'),
        files: ['onnx/model.onnx', 'config.json'],
        license: 'MIT',
      },
      { makeDefault: true },
    );
    const manifest = await loadManifest(manifestPath);
    expect(defaultModelId(manifest)).toBe('mine');
    expect(manifest.models[0]?.files[0]?.source).toBe('file:./models/v1/onnx/model.onnx');
    const resolved = await resolveModel(manifest, 'mine');
    expect(readFileSync(resolved.path, 'utf8')).toBe('weights v1');
  });

  it('replaces an entry of the same id, and refuses to write a manifest that would not load', async () => {
    const root = app();
    const manifestPath = join(root, 'models.json');
    const model = {
      id: 'mine',
      runtime: 'onnx' as const,
      folder: join(root, 'models/v1'),
      files: ['onnx/model.onnx'],
    };
    await registerLocalModel(manifestPath, model);
    writeFileSync(join(root, 'models/v1/onnx/model.onnx'), 'weights v2, longer');
    await registerLocalModel(manifestPath, model);
    const manifest = await loadManifest(manifestPath);
    expect(manifest.models).toHaveLength(1);
    expect(manifest.models[0]?.files[0]?.size).toBe('weights v2, longer'.length);

    const before = readFileSync(manifestPath, 'utf8');
    await expect(
      registerLocalModel(manifestPath, { ...model, id: 'Not An Id!' }),
    ).rejects.toThrow();
    expect(readFileSync(manifestPath, 'utf8')).toBe(before);
  });
});
