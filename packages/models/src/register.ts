import { stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { sha256File } from './hash.js';
import type { ModelEntry, Runtime } from './manifest.js';
import { saveModelEntry, type ModelEntryJson } from './manifest-write.js';

/** A model folder on disk to declare in a manifest. */
export interface LocalModel {
  id: string;
  runtime: Runtime;
  task?: string;
  description?: string;
  license?: string;
  /** The folder holding the files. */
  folder: string;
  /** File names inside `folder` (POSIX, e.g. `onnx/model.onnx`); the first is the main file. */
  files: string[];
}

/**
 * Declares a model that lives on disk (one you trained or fine-tuned) in the manifest at
 * `manifestPath`: an entry with `file:` sources relative to the manifest, each file's sha256
 * and size measured now, written by {@link saveModelEntry} (an entry with the same id is
 * replaced; `makeDefault` also sets `"default"` to it; atomic). Returns the entry as it reads back.
 */
export async function registerLocalModel(
  manifestPath: string,
  model: LocalModel,
  opts: { makeDefault?: boolean } = {},
): Promise<ModelEntry> {
  const files = [];
  for (const name of model.files) {
    const path = join(model.folder, name);
    const rel = relative(dirname(manifestPath), path).split(sep).join('/');
    files.push({
      name,
      source: `file:${rel.startsWith('.') ? rel : `./${rel}`}`,
      sha256: await sha256File(path),
      size: (await stat(path)).size,
      ...(model.license ? { license: model.license } : {}),
    });
  }
  const entry: ModelEntryJson = {
    id: model.id,
    ...(model.task ? { task: model.task } : {}),
    runtime: model.runtime,
    ...(model.description ? { description: model.description } : {}),
    ...(model.license ? { license: model.license } : {}),
    files,
  };
  return saveModelEntry(manifestPath, entry, opts);
}
