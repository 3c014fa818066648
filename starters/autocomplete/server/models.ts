import { join } from 'node:path';
import { defaultModelId, loadManifest, resolveModel } from '@shipml/models';
import type { ModelConfig } from '@shipml/serve';
import { appRoot } from '@shipml/serve/web';

export interface LoadModelsOptions {
  /** Another models.json to serve the default of (tests use one in a temporary folder). Default: the app's. */
  manifest?: string;
}

/**
 * The language model this app serves: the `"default"` entry of models.json — the small model
 * bundled in `models/`, one you fine-tuned (`pnpm fine-tune`), or a GPT-2 export from the
 * Hugging Face hub — resolved to verified local files. `causal-lm` is @shipml/serve's backend
 * for GPT-2-style models: it decodes every running completion in one model call per step.
 */
export async function loadModels(opts: LoadModelsOptions = {}): Promise<ModelConfig[]> {
  const manifest = await loadManifest(
    opts.manifest ?? join(appRoot(import.meta.url), 'models.json'),
  );
  const id = defaultModelId(manifest);
  return [
    {
      name: id,
      backend: 'causal-lm',
      model: await resolveModel(manifest, id),
      // Two workers use both cores of a small machine; in each, the completions running at
      // once are decoded together, one model call per step. More wait in the queue.
      workers: 2,
      slotsPerWorker: 16,
      maxQueueSize: 64,
    },
  ];
}
