import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { sha256File } from './hash.js';
import { parseManifest, type ModelEntry, type Runtime } from './manifest.js';

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
 * and size measured now. An entry with the same id is replaced; `makeDefault` also sets
 * `"default"` to it. The manifest is rewritten atomically (a temporary file renamed over it),
 * so a process stopped half-way leaves the previous manifest, and the model it names, intact.
 * Returns the entry as it reads back.
 */
export async function registerLocalModel(
  manifestPath: string,
  model: LocalModel,
  opts: { makeDefault?: boolean } = {},
): Promise<ModelEntry> {
  const json = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    models: Record<string, unknown>[];
    default?: string;
  };
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
  const entry = {
    id: model.id,
    ...(model.task ? { task: model.task } : {}),
    runtime: model.runtime,
    ...(model.description ? { description: model.description } : {}),
    ...(model.license ? { license: model.license } : {}),
    files,
  };
  const at = json.models.findIndex((m) => m.id === model.id);
  if (at >= 0) json.models[at] = entry;
  else json.models.push(entry);
  if (opts.makeDefault) json.default = model.id;
  const manifest = parseManifest(json, manifestPath); // refuse to write anything invalid
  const tmp = `${manifestPath}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(json, null, 2)}\n`);
  await rename(tmp, manifestPath);
  return manifest.models.find((m) => m.id === model.id)!;
}
