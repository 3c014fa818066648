import { DownloadError } from './errors.js';
import type { ModelEntry, ModelFile } from './manifest.js';
import type { Settings } from './options.js';

/** Cached copy of a hub or URL file, without network access (undefined when not cached). */
export function locateRemote(
  _model: ModelEntry,
  _file: ModelFile,
  _s: Settings,
): Promise<string | undefined> {
  return Promise.resolve(undefined);
}

/** Downloads a hub or URL file into the cache and returns its verified path. */
export function fetchRemote(model: ModelEntry, file: ModelFile, _s: Settings): Promise<string> {
  return Promise.reject(
    new DownloadError(
      `${model.id}/${file.name}: downloading ${file.source} is not supported by this version yet`,
    ),
  );
}
