import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { getRepoFolderName } from '@huggingface/hub';
import { ensureBlob, linkBlob } from './blob-store.js';
import { DownloadError, IntegrityError } from './errors.js';
import { verifyFile } from './hash.js';
import type { ModelEntry, ModelFile } from './manifest.js';
import type { Settings } from './options.js';
import { withRetries, TransientError } from './retry.js';
import type { HubSource } from './source.js';
import { checkStatus } from './transfer.js';

// @huggingface/hub gives us the cache location and folder naming (shared with Python).
// Its downloadFileToCacheDir is not used for the transfer itself: it asks the paths-info API
// rather than HEAD /resolve/ (which mirrors serve), records no refs/<revision>, and has no
// resume, retry, stall timeout, cross-process lock or sha256 check; those are written here.
const COMMIT = /^[0-9a-f]{40}$/;

/** `<hub cache>/models--owner--repo`, the folder huggingface_hub uses for this repo. */
export function repoDir(s: Pick<Settings, 'hubDir'>, src: HubSource): string {
  return join(s.hubDir, getRepoFolderName({ name: src.repo, type: src.repoType }));
}

/**
 * Finds the file in the hub cache without network access: the snapshot of the pinned commit,
 * or for a branch/tag the commit in `refs/<revision>` first, then any other snapshot holding
 * a copy with the manifest's sha256 (the hash, not the branch, is what the manifest pins).
 */
export async function locateHub(
  model: ModelEntry,
  file: ModelFile,
  src: HubSource,
  s: Settings,
): Promise<string | undefined> {
  const dir = repoDir(s, src);
  const commits: string[] = [];
  if (COMMIT.test(src.revision)) {
    commits.push(src.revision);
  } else {
    const ref = await readFile(join(dir, 'refs', src.revision), 'utf8').catch(() => '');
    if (ref.trim()) commits.push(ref.trim());
    const all = await readdir(join(dir, 'snapshots')).catch(() => [] as string[]);
    commits.push(...all.filter((c) => c !== ref.trim()));
  }
  for (const commit of commits) {
    const path = join(dir, 'snapshots', commit, src.path);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || info.size !== file.size) continue;
    try {
      await verifyFile(path, file, `${model.id}/${file.name}`, s.verify);
      return path;
    } catch (err) {
      if (!(err instanceof IntegrityError)) throw err;
    }
  }
  return undefined;
}

/** What the hub's HEAD on `/resolve/` says about a file. */
export interface HubFileInfo {
  /** The 40-hex commit the revision is at. */
  commit: string;
  /** sha256 of the bytes for an LFS file (64 hex), else the git blob id (40 hex). */
  etag: string;
  /** Bytes, when the hub says (X-Linked-Size, or Content-Length of a plain file). */
  size: number | undefined;
  /** Where the bytes are: the resolve URL itself, or the CDN it redirects to. */
  downloadUrl: string;
  /** Headers the download needs (the token, for the hub's own origin only). */
  headers: Record<string, string>;
}

/** The `/resolve/` URL of a file: `{endpoint}/[datasets/]{owner}/{repo}/resolve/{rev}/{path}`. */
export function resolveUrl(endpoint: string, src: HubSource): string {
  const prefix = src.repoType === 'model' ? '' : `${src.repoType}s/`;
  const path = src.path.split('/').map(encodeURIComponent).join('/');
  return `${endpoint}/${prefix}${src.repo}/resolve/${encodeURIComponent(src.revision)}/${path}`;
}

/**
 * Asks the hub which commit the revision is at and what the file's etag and size are, like
 * huggingface_hub does: a HEAD on `/resolve/` that is not redirected to the CDN, reading
 * X-Repo-Commit, X-Linked-Etag (or ETag) and X-Linked-Size (or Content-Length). `what` names
 * the file in messages; 429/5xx and dropped connections are retried as `s` says.
 */
export async function headHubFile(
  what: string,
  src: HubSource,
  s: Settings,
  ev: { model: string; file: string },
) {
  const auth: Record<string, string> = s.token ? { authorization: `Bearer ${s.token}` } : {};
  return withRetries(
    what,
    s,
    (attempt, delayMs, reason) => s.onEvent({ type: 'retry', ...ev, attempt, delayMs, reason }),
    async (): Promise<HubFileInfo> => {
      let url = resolveUrl(s.endpoint, src);
      for (let hop = 0; hop < 5; hop++) {
        const res = await fetch(url, {
          method: 'HEAD',
          headers: { ...auth, 'accept-encoding': 'identity' },
          redirect: 'manual',
          signal: AbortSignal.any([
            AbortSignal.timeout(s.stallTimeoutMs),
            ...(s.signal ? [s.signal] : []),
          ]),
        }).catch((err: unknown) => {
          if (s.signal?.aborted) throw s.signal.reason;
          const timedOut = (err as Error).name === 'TimeoutError';
          const cause = (err as { cause?: { message?: string } }).cause?.message;
          throw new TransientError(
            `HEAD ${url}: ${(err as Error).message}${cause ? ` (${cause})` : ''}`,
            timedOut ? 'stall' : 'network',
          );
        });
        checkStatus(res, url, what);
        const h = res.headers;
        const redirected = res.status >= 300 && res.status < 400;
        const location = redirected ? new URL(h.get('location') ?? '', url).href : url;
        const commit = h.get('x-repo-commit');
        if (redirected && !commit) {
          url = location; // a renamed repo: the hub answers with a relative redirect first
          continue;
        }
        const etag = (h.get('x-linked-etag') ?? h.get('etag') ?? '')
          .replace(/^W\//, '')
          .replace(/"/g, '');
        const sizeHeader = h.get('x-linked-size') ?? (redirected ? null : h.get('content-length'));
        if (!commit || !etag) {
          throw new DownloadError(
            `${what}: ${url} did not answer like a Hugging Face hub (no X-Repo-Commit / ETag headers); check HF_ENDPOINT (${s.endpoint})`,
          );
        }
        const sameOrigin = new URL(location).origin === new URL(s.endpoint).origin;
        return {
          commit,
          etag,
          size: sizeHeader === null ? undefined : Number(sizeHeader),
          downloadUrl: location,
          headers: sameOrigin ? auth : {}, // never hand the token to a CDN
        };
      }
      throw new DownloadError(`${what}: too many redirects from ${resolveUrl(s.endpoint, src)}`);
    },
  );
}

/**
 * Downloads a hub file into the cache the way huggingface_hub lays it out:
 * `blobs/<etag>` holds the bytes, `snapshots/<commit>/<path>` links to it, and
 * `refs/<revision>` records the commit a branch or tag pointed to.
 */
export async function fetchHub(
  model: ModelEntry,
  file: ModelFile,
  src: HubSource,
  s: Settings,
): Promise<string> {
  const what = `${model.id}/${file.name}`;
  const info = await headHubFile(what, src, s, { model: model.id, file: file.name });
  const at = `${src.repo}@${src.revision} (commit ${info.commit})`;
  if (info.size !== undefined && info.size !== file.size) {
    throw new IntegrityError(
      `${what}: ${at} has ${src.path} at ${info.size} bytes, the manifest expects ${file.size}; pin the revision the manifest was written for, or update its sha256 and size`,
      String(file.size),
      String(info.size),
    );
  }
  if (/^[0-9a-f]{64}$/.test(info.etag) && info.etag !== file.sha256) {
    throw new IntegrityError(
      `${what}: ${at} has ${src.path} with sha256 ${info.etag}, the manifest expects ${file.sha256}; pin the revision the manifest was written for, or update its sha256 and size`,
      file.sha256,
      info.etag,
    );
  }
  const dir = repoDir(s, src);
  const blobPath = join(dir, 'blobs', info.etag);
  await ensureBlob({ blobPath, url: info.downloadUrl, headers: info.headers, model, file, s });
  if (!COMMIT.test(src.revision)) await writeRef(join(dir, 'refs', src.revision), info.commit);
  const pointer = join(dir, 'snapshots', info.commit, src.path);
  await linkBlob(blobPath, pointer);
  return pointer;
}

async function writeRef(path: string, commit: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, commit);
  await rename(tmp, path);
}
