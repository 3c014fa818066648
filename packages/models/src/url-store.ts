import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ensureBlob, exists, linkBlob } from './blob-store.js';
import { IntegrityError } from './errors.js';
import { verifyFile } from './hash.js';
import type { ModelEntry, ModelFile } from './manifest.js';
import type { Settings } from './options.js';
import type { UrlSource } from './source.js';

/*
 * shipml's area for https sources, `<cache>/shipml/url`:
 *   blobs/<sha256>                       the bytes, named by the manifest's hash (shared by all models)
 *   snapshots/<model id>-<key>/<name>    a relative symlink per declared file, so a model's files
 *                                        sit side by side (tfjs shards next to model.json)
 * `<key>` hashes the model's declared names and hashes, so two manifests using one id for
 * different files never share a folder.
 */

export function urlBlobPath(s: Pick<Settings, 'urlDir'>, file: ModelFile): string {
  return join(s.urlDir, 'blobs', file.sha256);
}

export function urlSnapshotDir(s: Pick<Settings, 'urlDir'>, model: ModelEntry): string {
  const key = createHash('sha256')
    .update(model.files.map((f) => `${f.name} ${f.sha256}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return join(s.urlDir, 'snapshots', `${model.id}-${key}`);
}

/** The cached copy of a URL file, without network access (undefined when not cached). */
export async function locateUrl(
  model: ModelEntry,
  file: ModelFile,
  s: Settings,
): Promise<string | undefined> {
  const blobPath = urlBlobPath(s, file);
  if (!(await exists(blobPath))) return undefined;
  try {
    await verifyFile(blobPath, file, `${model.id}/${file.name}`, s.verify);
  } catch (err) {
    if (err instanceof IntegrityError) return undefined; // ensureBlob replaces it
    throw err;
  }
  const pointer = join(urlSnapshotDir(s, model), file.name);
  if (!(await exists(pointer))) await linkBlob(blobPath, pointer);
  return pointer;
}

/** Downloads a URL file into the cache and returns its verified path. */
export async function fetchUrl(
  model: ModelEntry,
  file: ModelFile,
  src: UrlSource,
  s: Settings,
): Promise<string> {
  const blobPath = urlBlobPath(s, file);
  await ensureBlob({ blobPath, url: src.url, headers: {}, model, file, s });
  const pointer = join(urlSnapshotDir(s, model), file.name);
  await linkBlob(blobPath, pointer);
  return pointer;
}
