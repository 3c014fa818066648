import { readFile, rename, writeFile } from 'node:fs/promises';
import { ManifestError } from './errors.js';
import { parseManifest, type ModelEntry, type Runtime } from './manifest.js';

/** A model entry as written in models.json (the JSON form of {@link ModelEntry}). */
export interface ModelEntryJson {
  id: string;
  task?: string;
  runtime: Runtime;
  description?: string;
  license?: string;
  /** The first file is the main model file. */
  files: { name: string; source: string; sha256: string; size: number; license?: string }[];
}

/**
 * Adds `entry` to the models.json at `manifestPath` (created when missing), replacing an entry
 * of the same id; `makeDefault` also sets `"default"` to it. Nothing invalid is written: the
 * result is validated first. The file is replaced atomically (a temporary file renamed over
 * it), so a process stopped half-way leaves the previous manifest, and the model it names,
 * intact. Returns the entry as it reads back.
 */
export async function saveModelEntry(
  manifestPath: string,
  entry: ModelEntryJson,
  opts: { makeDefault?: boolean } = {},
): Promise<ModelEntry> {
  const text = await readFile(manifestPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '{ "models": [] }';
    throw new ManifestError(`Cannot read manifest ${manifestPath}: ${err.message}`, [], {
      cause: err,
    });
  });
  let json: { models: Record<string, unknown>[]; default?: string };
  try {
    json = JSON.parse(text) as typeof json;
  } catch (err) {
    throw new ManifestError(`Cannot read manifest ${manifestPath}: ${(err as Error).message}`);
  }
  if (!Array.isArray(json.models)) {
    throw new ManifestError(`${manifestPath} is not a models.json: it has no "models" array`);
  }
  const at = json.models.findIndex((m) => m.id === entry.id);
  if (at >= 0) json.models[at] = { ...entry };
  else json.models.push({ ...entry });
  if (opts.makeDefault) json.default = entry.id;
  const manifest = parseManifest(json, manifestPath); // refuse to write anything invalid
  const tmp = `${manifestPath}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(json, null, 2)}\n`);
  await rename(tmp, manifestPath);
  return manifest.models.find((m) => m.id === entry.id)!;
}
