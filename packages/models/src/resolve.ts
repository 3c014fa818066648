import { relative } from 'node:path';
import { OfflineError, UnknownModelError } from './errors.js';
import { verifyFile } from './hash.js';
import { resolveFileSource, resolveNpmSource } from './local-source.js';
import type { Manifest, ModelEntry, ModelFile, Runtime } from './manifest.js';
import { settings, type ResolveOptions, type Settings } from './options.js';
import { fetchRemote, locateRemote } from './remote.js';

/** A manifest entry whose files are all on local disk and verified. */
export interface ResolvedModel {
  id: string;
  task?: string;
  runtime: Runtime;
  license?: string;
  /** File name as declared → absolute local path (verified against sha256 and size). */
  files: Record<string, string>;
  /** Absolute path of the first declared file (the main model file). */
  path: string;
}

/**
 * Resolves one model of the manifest to verified local files, downloading what is missing
 * (unless offline). Throws {@link UnknownModelError} for an undeclared id,
 * {@link OfflineError} when offline and something is not cached.
 */
export async function resolveModel(
  manifest: Manifest,
  id: string,
  opts: ResolveOptions = {},
): Promise<ResolvedModel> {
  const [model] = await resolveEntries(manifest, [findModel(manifest, id)], settings(opts));
  return model as ResolvedModel;
}

/**
 * Resolves several models (all of the manifest unless `ids` is given) → id → ResolvedModel.
 * Offline, the error lists everything that is missing, not just the first file.
 */
export async function resolveModels(
  manifest: Manifest,
  opts: ResolveOptions & { ids?: string[] } = {},
): Promise<Record<string, ResolvedModel>> {
  const entries = opts.ids ? opts.ids.map((id) => findModel(manifest, id)) : manifest.models;
  const resolved = await resolveEntries(manifest, entries, settings(opts));
  return Object.fromEntries(resolved.map((m) => [m.id, m]));
}

/** The manifest entry with this id, or {@link UnknownModelError} listing the known ids. */
export function findModel(manifest: Manifest, id: string): ModelEntry {
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) {
    const known = manifest.models.map((m) => m.id).join(', ') || '(none)';
    throw new UnknownModelError(`Unknown model "${id}" in ${manifest.path}; declared: ${known}`);
  }
  return entry;
}

/** The command that downloads these models, as a user would type it in the manifest's project. */
export function pullCommand(manifest: Manifest, ids: string[]): string {
  const rel = relative(process.cwd(), manifest.path) || manifest.path;
  const quoted = /^[\w@%+=:,./-]+$/.test(rel) ? rel : `'${rel.replace(/'/g, `'\\''`)}'`;
  const manifestArg = rel === 'models.json' ? '' : ` --manifest ${quoted}`;
  return `pnpm exec shipml models pull ${ids.join(' ')}${manifestArg}`;
}

/** Where a file is on disk right now, without any network access (undefined: must be fetched). */
export async function locateFile(
  manifest: Manifest,
  model: ModelEntry,
  file: ModelFile,
  s: Settings,
): Promise<string | undefined> {
  const src = file.parsed;
  const what = `${model.id}/${file.name}`;
  if (src.kind === 'npm' || src.kind === 'file') {
    const path =
      src.kind === 'npm'
        ? await resolveNpmSource(src, manifest.path)
        : await resolveFileSource(src, manifest.dir);
    await verifyFile(path, file, `${what} (${file.source})`, s.verify);
    return path;
  }
  return locateRemote(model, file, s);
}

async function resolveEntries(
  manifest: Manifest,
  entries: ModelEntry[],
  s: Settings,
): Promise<ResolvedModel[]> {
  const found = new Map<ModelFile, string | undefined>();
  for (const model of entries) {
    for (const file of model.files) {
      const path = await locateFile(manifest, model, file, s);
      found.set(file, path);
      if (path) s.onEvent({ type: 'cached', model: model.id, file: file.name, path });
    }
  }
  const missing = entries.filter((m) => m.files.some((f) => found.get(f) === undefined));
  if (missing.length > 0 && s.offline) {
    const ids = missing.map((m) => m.id);
    const list = missing.flatMap((m) =>
      m.files
        .filter((f) => found.get(f) === undefined)
        .map((f) => `${m.id}/${f.name} (${f.source}, ${f.size} bytes)`),
    );
    const command = pullCommand(manifest, ids);
    throw new OfflineError(
      `Not in the cache, and the network is off (SHIPML_OFFLINE=1, HF_HUB_OFFLINE=1 or offline: true):\n  - ${list.join('\n  - ')}\n` +
        `Fetch them once with network access:\n  ${command}`,
      list,
      command,
    );
  }
  return Promise.all(
    entries.map(async (model) => {
      const files: Record<string, string> = {};
      for (const file of model.files) {
        files[file.name] = found.get(file) ?? (await fetchRemote(model, file, s));
      }
      return {
        id: model.id,
        runtime: model.runtime,
        files,
        path: files[model.files[0]!.name]!,
        ...(model.task !== undefined && { task: model.task }),
        ...(model.license !== undefined && { license: model.license }),
      };
    }),
  );
}
