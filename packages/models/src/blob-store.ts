import { mkdir, rename, rm, stat, symlink, copyFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { IntegrityError } from './errors.js';
import { verifyFile } from './hash.js';
import { acquireLock } from './lock.js';
import type { ModelEntry, ModelFile } from './manifest.js';
import type { Settings } from './options.js';
import { transferWithRetries } from './transfer.js';

export async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/**
 * Makes sure `blobPath` holds the file's verified bytes, downloading `url` if needed.
 * Only one process downloads (lock file beside the blob); the others wait and reuse its
 * result. The download goes to `<blob>.incomplete` (resumable, same directory), is checked
 * against sha256 and size, then renamed into place, so the blob is never partial or wrong.
 */
export async function ensureBlob(o: {
  blobPath: string;
  url: string;
  headers: Record<string, string>;
  model: ModelEntry;
  file: ModelFile;
  s: Settings;
}): Promise<void> {
  const { blobPath, model, file, s } = o;
  const what = `${model.id}/${file.name}`;
  const ev = { model: model.id, file: file.name };
  await mkdir(dirname(blobPath), { recursive: true });
  const release = await acquireLock(`${blobPath}.lock`, {
    done: () => exists(blobPath),
    onWait: () => s.onEvent({ type: 'waiting-for-lock', ...ev, lock: `${blobPath}.lock` }),
    signal: s.signal,
  });
  if (!release) {
    await verifyFile(blobPath, file, what, 'hash'); // another process downloaded it
    return;
  }
  try {
    if (await exists(blobPath)) {
      try {
        await verifyFile(blobPath, file, what, 'hash');
        return;
      } catch (err) {
        if (!(err instanceof IntegrityError)) throw err;
        await rm(blobPath, { force: true }); // a corrupt blob: fetch it again
      }
    }
    const partPath = `${blobPath}.incomplete`;
    await transferWithRetries(s, ev, {
      what,
      url: o.url,
      headers: o.headers,
      partPath,
      size: file.size,
      onStart: (offset, url) =>
        s.onEvent({ type: 'download-start', ...ev, url, total: file.size, offset }),
      onProgress: (bytes) => s.onEvent({ type: 'progress', ...ev, bytes, total: file.size }),
    });
    try {
      await verifyFile(partPath, file, what, 'hash');
    } catch (err) {
      await rm(partPath, { force: true });
      if (!(err instanceof IntegrityError)) throw err;
      throw new IntegrityError(
        `${what}: the bytes downloaded from ${o.url} do not match the manifest: expected ${
          err.expected.length === 64 ? 'sha256 ' : 'size '
        }${err.expected}, got ${err.actual}. Nothing was kept in the cache.`,
        err.expected,
        err.actual,
      );
    }
    await rename(partPath, blobPath);
    s.onEvent({ type: 'download-done', ...ev, path: blobPath, bytes: file.size });
  } finally {
    await release();
  }
}

/**
 * Points `linkPath` at `blobPath` with a relative symlink (the Hugging Face cache layout, so
 * the cache can be moved), replaced atomically. Falls back to a copy where symlinks are not allowed.
 */
export async function linkBlob(blobPath: string, linkPath: string): Promise<void> {
  await mkdir(dirname(linkPath), { recursive: true });
  const tmp = `${linkPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await symlink(relative(dirname(linkPath), blobPath), tmp);
  } catch {
    await copyFile(blobPath, tmp);
  }
  await rename(tmp, linkPath);
}
