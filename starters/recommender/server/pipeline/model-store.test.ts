import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultModelId, loadManifest, resolveModel } from '@shipml/models';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomModel } from './__tests__/random-model.js';
import { modelId, newVersionName, readModelFiles, writeModelVersion } from './model-store.js';
import { exportScoringModel } from './onnx-export.js';

describe('model store', () => {
  let dir: string;
  let manifestPath: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'models-'));
    manifestPath = join(dir, 'models.json');
    await writeFile(manifestPath, '{ "models": [] }\n');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const save = (version: string, seed: number) => {
    const model = randomModel(20, 4, undefined, seed);
    return writeModelVersion(manifestPath, version, {
      onnx: exportScoringModel(model),
      model,
      licence: 'test',
      description: 'test model',
    }).then(() => model);
  };
  /** What the server loads: models.json's default, resolved and verified. */
  const served = async () => {
    const manifest = await loadManifest(manifestPath);
    return readModelFiles((await resolveModel(manifest, defaultModelId(manifest))).files);
  };

  it('writes a version, registers it as the default, and reads back the same model', async () => {
    const model = await save('v1', 1);
    const stored = await served();
    expect(stored.version).toBe('v1');
    expect(stored.model.items).toEqual(model.items);
    expect(stored.model.itemVectors).toEqual(model.itemVectors);
    expect(stored.model.itemBias).toEqual(model.itemBias);
    expect(stored.model.ratingCount).toEqual(model.ratingCount);
    expect(stored.model.hyperparameters).toEqual(model.hyperparameters);
    expect((await readFile(stored.onnxPath)).byteLength).toBeGreaterThan(20 * 4 * 4);
  });

  it('makes each new version the default and keeps the earlier ones declared', async () => {
    await save('v1', 1);
    await save('v2', 2);
    const manifest = await loadManifest(manifestPath);
    expect(defaultModelId(manifest)).toBe(modelId('v2'));
    expect(manifest.models.map((m) => m.id)).toEqual([modelId('v1'), modelId('v2')]);
    expect((await served()).version).toBe('v2');
  });

  it('keeps serving the previous version when a write fails half-way', async () => {
    await save('v1', 1);
    const before = await readFile(manifestPath, 'utf8');
    // A failed write: the new version's folder name is taken by a file, so the final rename fails
    // after model.onnx and model.json were written to the temporary folder.
    await writeFile(join(dir, 'models', 'v2'), 'in the way');
    await expect(save('v2', 2)).rejects.toThrow();
    expect(await readFile(manifestPath, 'utf8')).toBe(before);
    expect((await served()).version).toBe('v1');
    expect((await readdir(join(dir, 'models'))).sort()).toEqual(['v1', 'v2']);
  });

  it('ignores the temporary folder a killed training run left behind', async () => {
    await save('v1', 1);
    await mkdir(join(dir, 'models', '.v2.tmp-12345'));
    await writeFile(join(dir, 'models', '.v2.tmp-12345', 'model.json'), '{"format": "shipml-rec');
    expect((await served()).version).toBe('v1');
    await save('v2', 2);
    expect((await served()).version).toBe('v2');
  });

  it('names versions so that they sort by time', () => {
    expect(newVersionName('bundled', new Date('2025-01-02T03:04:05Z'))).toBe(
      '20250102-030405-bundled',
    );
  });
});
