import { basename, join } from 'node:path';
import { registerLocalModel } from '@shipml/models';
import { appRoot } from '@shipml/serve/web';

/** The files of a model folder in the Hugging Face ONNX layout; the model itself first. */
export const MODEL_FILES = [
  'onnx/model.onnx',
  'config.json',
  'generation_config.json',
  'tokenizer.json',
  'tokenizer_config.json',
];

/**
 * Declares a model folder this app trained in its models.json (`file:` sources, sha256 and size
 * measured now), under the folder's name, so the server serves it and checks its files; with
 * `makeDefault`, the server serves it from its next start. models.json is rewritten atomically.
 */
export async function declareModel(
  folder: string,
  opts: { description: string; makeDefault?: boolean },
): Promise<string> {
  const id = basename(folder);
  await registerLocalModel(
    join(appRoot(import.meta.url), 'models.json'),
    {
      id,
      runtime: 'transformers',
      task: 'text-generation',
      description: opts.description,
      license: 'MIT',
      folder,
      files: MODEL_FILES,
    },
    { makeDefault: opts.makeDefault ?? false },
  );
  return id;
}
