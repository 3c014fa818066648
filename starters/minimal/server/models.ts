import { join } from 'node:path';
import { defaultModelId, loadManifest, resolveModel } from '@shipml/models';
import type { ModelConfig } from '@shipml/serve';
import { appRoot } from '@shipml/serve/web';

/**
 * The model this app serves: the `"default"` entry of models.json, resolved to a verified
 * local file (sha256 and size checked) and described to @shipml/serve. This one ships inside
 * the app (a `file:` source), so nothing is downloaded.
 */
export async function loadModels(): Promise<ModelConfig[]> {
  const manifest = await loadManifest(join(appRoot(import.meta.url), 'models.json'));
  const id = defaultModelId(manifest);
  return [{ name: id, backend: 'onnx', model: await resolveModel(manifest, id) }];
}
