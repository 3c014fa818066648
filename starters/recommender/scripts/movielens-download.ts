import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fetchChecksummed, type ResolveEvent, type ResolveOptions } from '@shipml/models';
import { extractZipOnce } from './extract-zip.js';

/** Where GroupLens publishes the archives; `MOVIELENS_BASE_URL` points elsewhere (a mirror, a test). */
export const MOVIELENS_BASE_URL = 'https://files.grouplens.org/datasets/movielens';

/** The MovieLens sets this app reads, by archive name (each `<name>.zip` unzips to `<name>/`). */
export const MOVIELENS_SETS = ['ml-100k', 'ml-latest-small', 'ml-latest'] as const;
export type MovieLensSet = (typeof MOVIELENS_SETS)[number];

/**
 * Downloads a MovieLens archive from GroupLens into your cache (next to the models:
 * `$SHIPML_CACHE` or `~/.cache/huggingface`), checked against the md5 GroupLens publishes
 * beside it, unzips it there once, and returns the data folder, e.g.
 * `~/.cache/huggingface/shipml/url/files/md5-0e33…/unzipped/ml-100k`. Later calls use the
 * cache without network. MovieLens may not be redistributed: it stays in the cache, never
 * in this app or its git repository.
 */
export async function downloadMovieLens(
  set: MovieLensSet,
  opts: ResolveOptions = {},
): Promise<string> {
  const base = (process.env.MOVIELENS_BASE_URL ?? MOVIELENS_BASE_URL).replace(/\/+$/, '');
  const { path } = await fetchChecksummed(`${base}/${set}.zip`, {
    command: `pnpm train -- --dataset ${set}`,
    onEvent: downloadReporter(),
    ...opts,
  });
  // One folder per archive and md5, beside the zip; it holds `<set>/` with the data files.
  const unzipped = await extractZipOnce(path, join(dirname(path), 'unzipped'));
  const folder = join(unzipped, set);
  const entries = await readdir(folder).catch(() => []);
  if (entries.length === 0) throw new Error(`${path} has no ${set}/ folder inside`);
  return folder;
}

/** Download progress on stderr: a line when it starts, every 10 %, and on each retry. */
function downloadReporter(): (e: ResolveEvent) => void {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  let shown = 0; // tenths already printed
  return (e) => {
    if (e.type === 'download-start') {
      shown = Math.floor((e.offset / Math.max(1, e.total)) * 10);
      const from = e.offset ? `, from ${mb(e.offset)}` : '';
      console.error(`downloading ${e.url} (${mb(e.total)}${from})`);
    } else if (e.type === 'progress' && Math.floor((e.bytes / e.total) * 10) > shown) {
      shown = Math.floor((e.bytes / e.total) * 10);
      console.error(`  ${shown * 10} % (${mb(e.bytes)})`);
    } else if (e.type === 'retry') {
      console.error(`  retry ${e.attempt} in ${e.delayMs} ms: ${e.reason}`);
    }
  };
}
