import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { access, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';

/**
 * Unzips `zipPath` into `destDir` once: a folder that exists is taken as done. The archive is
 * read as a stream (fflate), so memory stays small even for ml-latest's 1 GB of CSV; it is
 * extracted into a temporary sibling folder and renamed into place only when complete, so a
 * crash or a bad archive never leaves a half-filled `destDir`. Returns `destDir`.
 */
export async function extractZipOnce(zipPath: string, destDir: string): Promise<string> {
  if (await exists(destDir)) return destDir;
  const tmp = `${destDir}.${process.pid}.${Date.now()}.tmp`;
  try {
    await unzipInto(zipPath, tmp);
    await rename(tmp, destDir).catch(async (err: NodeJS.ErrnoException) => {
      // Another process finished first: keep its folder, drop ours.
      if (!(err.code === 'ENOTEMPTY' || err.code === 'EEXIST') || !(await exists(destDir))) {
        throw err;
      }
    });
    return destDir;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function unzipInto(zipPath: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const open = new Set<string>(); // files started but not finished
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    const target = safePath(dir, file.name, zipPath);
    if (file.name.endsWith('/')) return void mkdirSync(target, { recursive: true });
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(target, 'w');
    open.add(file.name);
    file.ondata = (err, chunk, final) => {
      if (err) return void (failure ??= new Error(`${zipPath}: ${file.name}: ${err.message}`));
      // Written synchronously, as fflate hands over each piece, so nothing piles up in memory.
      writeSync(fd, chunk);
      if (final) {
        closeSync(fd);
        open.delete(file.name);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of createReadStream(zipPath) as AsyncIterable<Buffer>) {
    unzip.push(chunk);
    if (failure) throw failure;
  }
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  if (open.size > 0) throw new Error(`${zipPath} is truncated: ${[...open].join(', ')} unfinished`);
}

/** The entry's path under `dir`; refuses names that would land outside it ("zip slip"). */
function safePath(dir: string, name: string, zipPath: string): string {
  const parts = name.split('/');
  if (name.startsWith('/') || name.includes('\\') || parts.includes('..')) {
    throw new Error(`${zipPath}: refusing to extract "${name}" outside the target folder`);
  }
  return join(dir, ...parts);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
