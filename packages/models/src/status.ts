import { IntegrityError, SourceNotFoundError } from './errors.js';
import { sha256File } from './hash.js';
import type { Manifest } from './manifest.js';
import { settings, type ResolveOptions } from './options.js';
import { findModel, locateFile } from './resolve.js';

/** Where one declared file stands on this machine. */
export interface FileStatus {
  model: string;
  file: string;
  source: string;
  /** Declared size in bytes. */
  size: number;
  sha256: string;
  /** local: npm:/file: source present; cached: in the cache; missing; mismatch: bytes differ from the manifest. */
  state: 'local' | 'cached' | 'missing' | 'mismatch';
  path?: string;
  detail?: string;
}

/**
 * Reports every declared file's state without any network access. `check: 'size'` (default)
 * compares sizes only; `check: 'hash'` re-hashes each present file (what `shipml models verify` does).
 */
export async function inspectModels(
  manifest: Manifest,
  opts: Omit<ResolveOptions, 'offline' | 'verify'> & {
    ids?: string[];
    check?: 'size' | 'hash';
  } = {},
): Promise<FileStatus[]> {
  const s = { ...settings(opts), offline: true, verify: 'size' as const };
  const models = opts.ids ? opts.ids.map((id) => findModel(manifest, id)) : manifest.models;
  const out: FileStatus[] = [];
  for (const model of models) {
    for (const file of model.files) {
      const base = {
        model: model.id,
        file: file.name,
        source: file.source,
        size: file.size,
        sha256: file.sha256,
      };
      const local = file.parsed.kind === 'npm' || file.parsed.kind === 'file';
      let path: string | undefined;
      try {
        path = await locateFile(manifest, model, file, s);
      } catch (err) {
        if (err instanceof IntegrityError) {
          out.push({ ...base, state: 'mismatch', detail: err.message });
          continue;
        }
        if (err instanceof SourceNotFoundError) {
          out.push({ ...base, state: 'missing', detail: err.message });
          continue;
        }
        throw err;
      }
      if (!path) {
        out.push({ ...base, state: 'missing' });
        continue;
      }
      if (opts.check === 'hash') {
        const actual = await sha256File(path);
        if (actual !== file.sha256) {
          out.push({
            ...base,
            state: 'mismatch',
            path,
            detail: `sha256 mismatch at ${path}: expected ${file.sha256}, got ${actual}`,
          });
          continue;
        }
      }
      out.push({ ...base, state: local ? 'local' : 'cached', path });
    }
  }
  return out;
}
