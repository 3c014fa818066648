import { join } from 'node:path';
import { defaultModelId, loadManifest, resolveModel } from '@shipml/models';
import type { ModelConfig } from '@shipml/serve';
import { appRoot } from '@shipml/serve/web';
import { readModelFiles, type StoredModel } from './pipeline/model-store.js';

/** What the app serves: the scoring model for @shipml/serve, and the rest of the model. */
export interface LoadedModels {
  /** The ONNX scoring graph, run by @shipml/serve's onnx backend (also on the V2 routes). */
  models: ModelConfig[];
  /** The same version's sidecar: catalogue, item vectors and biases for fold-in and search. */
  stored: StoredModel;
}

/**
 * The model this app serves: the `"default"` entry of models.json — the bundled model in
 * `models/`, or the newest one `pnpm train` registered — resolved to verified local files
 * (sha256 and size checked). One entry, two files: `model.onnx` (scores every movie for a user
 * vector and takes the top k) and `model.json` (what fold-in, search and the map need).
 */
export async function loadModels(): Promise<LoadedModels> {
  const manifest = await loadManifest(join(appRoot(import.meta.url), 'models.json'));
  const id = defaultModelId(manifest);
  const resolved = await resolveModel(manifest, id);
  const stored = await readModelFiles(resolved.files);
  return { models: [{ name: id, backend: 'onnx', model: resolved }], stored };
}
