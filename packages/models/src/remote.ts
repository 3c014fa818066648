import { fetchHub, locateHub } from './hub.js';
import type { ModelEntry, ModelFile } from './manifest.js';
import type { Settings } from './options.js';
import { fetchUrl, locateUrl } from './url-store.js';

/** Cached copy of a hub or URL file, without network access (undefined when not cached). */
export async function locateRemote(
  model: ModelEntry,
  file: ModelFile,
  s: Settings,
): Promise<string | undefined> {
  const src = file.parsed;
  if (src.kind === 'hf') return locateHub(model, file, src, s);
  if (src.kind === 'url') return locateUrl(model, file, s);
  return undefined;
}

/** Downloads a hub or URL file into the cache and returns its verified path. */
export async function fetchRemote(
  model: ModelEntry,
  file: ModelFile,
  s: Settings,
): Promise<string> {
  const src = file.parsed;
  if (src.kind === 'hf') return fetchHub(model, file, src, s);
  if (src.kind === 'url') return fetchUrl(model, file, src, s);
  throw new Error(`${model.id}/${file.name}: ${file.source} is a local source`);
}
