import { loadManifest, resolveModel } from '@shipml/models';
import type { ModelConfig } from '@shipml/serve';

/** The model this app serves: its id in models.json. */
export const MODEL_ID = 'celsius-to-fahrenheit';

/**
 * Resolves the models.json entry to a verified local file (sha256 and size checked) and
 * describes it to @shipml/serve. This model ships inside the app (a `file:` source), so
 * nothing is downloaded.
 */
export async function loadModels(): Promise<ModelConfig[]> {
  const manifest = await loadManifest(new URL('../models.json', import.meta.url));
  const model = await resolveModel(manifest, MODEL_ID);
  return [{ name: MODEL_ID, backend: 'onnx', model }];
}
