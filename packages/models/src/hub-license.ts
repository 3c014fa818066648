import { readFile } from 'node:fs/promises';
import { readCardLicense, type CardLicense } from './card-license.js';
import { ModelsError } from './errors.js';
import { headHubFile } from './hub.js';
import { withHubTempFile } from './hub-temp-download.js';
import type { Settings } from './options.js';

/** The front matter is at the top of a model card; the rest (often long) is never fetched. */
export const CARD_MAX_BYTES = 64 * 1024;

/**
 * Reads a hub repo's licence from its model card: README.md at `commit` (the commit the entry
 * pins), at most {@link CARD_MAX_BYTES} of it, through the same client as the model's files
 * (endpoint, token, retries). A missing README, one without a licence, or one the hub would
 * not give (after the retries) is a `missing` reason, not an error: the model's files were
 * found, and the licence can still be given by hand.
 */
export async function readHubLicense(
  repo: string,
  commit: string,
  s: Settings,
  model: string,
): Promise<CardLicense> {
  const what = `${repo}@${commit}/README.md`;
  const ev = { model, file: 'README.md' };
  try {
    const info = await headHubFile(
      what,
      { kind: 'hf', repoType: 'model', repo, revision: commit, path: 'README.md' },
      s,
      ev,
    );
    const text = await withHubTempFile(
      what,
      info,
      s,
      ev,
      (path) => readFile(path, 'utf8'),
      CARD_MAX_BYTES,
    );
    return readCardLicense(text);
  } catch (err) {
    // Not found, refused, or the network: all the hub's answers; anything else (an abort,
    // a local disk error) is not about the card and stops the command.
    if (!(err instanceof ModelsError)) throw err;
    return err.status === 404
      ? { missing: 'the repo has no README.md' }
      : { missing: `README.md could not be read (${err.message})` };
  }
}
