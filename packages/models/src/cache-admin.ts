import { lstat, readdir, readlink, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { exists } from './blob-store.js';
import { isStaleLock } from './lock.js';
import { repoDir } from './hub.js';
import type { Manifest } from './manifest.js';
import { settings, type ResolveOptions } from './options.js';
import { findModel } from './resolve.js';
import { locateRemote } from './remote.js';
import { urlSnapshotDir } from './url-store.js';

/** What a removal did (or, with `dryRun`, would do). */
export interface Removal {
  removed: string[];
  bytes: number;
}

type AdminOptions = Pick<ResolveOptions, 'cacheDir'> & { dryRun?: boolean };

/**
 * Removes a model's cached copies (hub snapshot links, and blobs nothing else links to;
 * shipml URL-area files). `npm:` and `file:` sources are never touched.
 */
export async function removeModel(
  manifest: Manifest,
  id: string,
  opts: AdminOptions = {},
): Promise<Removal> {
  const s = { ...settings({ ...opts, offline: true }), verify: 'size' as const };
  const model = findModel(manifest, id);
  const out: Removal = { removed: [], bytes: 0 };
  for (const file of model.files) {
    const src = file.parsed;
    if (src.kind !== 'hf' && src.kind !== 'url') continue;
    const root = src.kind === 'hf' ? repoDir(s, src) : s.urlDir;
    const seen = new Set<string>();
    // A branch may have copies in several snapshots: remove each one the lookup finds.
    for (let link = await locateRemote(model, file, s); link && !seen.has(link);) {
      seen.add(link);
      const blob = await linkTarget(link);
      await drop(link, out, opts.dryRun, false);
      if (blob && !(await isLinkedFrom(join(root, 'snapshots'), blob, seen)))
        await drop(blob, out, opts.dryRun);
      if (!opts.dryRun) await removeEmptyDirs(dirname(link), join(root, 'snapshots'));
      link = opts.dryRun ? undefined : await locateRemote(model, file, s);
    }
  }
  return out;
}

/**
 * Frees space without touching anything in use: interrupted downloads and lock files left by
 * dead processes (older than `graceMs`, default 10 min, so a running download is safe),
 * blobs no snapshot links to, and URL-area folders of this manifest's models from older versions.
 */
export async function pruneCache(
  manifest: Manifest,
  opts: AdminOptions & { graceMs?: number } = {},
): Promise<Removal> {
  const s = settings({ ...opts, offline: true });
  const graceMs = opts.graceMs ?? 10 * 60_000;
  const out: Removal = { removed: [], bytes: 0 };
  const old = async (p: string) =>
    Date.now() - ((await stat(p).catch(() => null))?.mtimeMs ?? Date.now()) > graceMs;

  // Older URL-area snapshot folders of the models this manifest declares.
  const current = new Set(manifest.models.map((m) => urlSnapshotDir(s, m)));
  const ids = new Set(manifest.models.map((m) => m.id));
  for (const name of await list(join(s.urlDir, 'snapshots'))) {
    const dir = join(s.urlDir, 'snapshots', name);
    const id = name.replace(/-[0-9a-f]{12}$/, '');
    if (ids.has(id) && !current.has(dir)) {
      for (const f of await walk(dir)) await drop(f, out, opts.dryRun, false);
      if (!opts.dryRun) await rm(dir, { recursive: true, force: true });
    }
  }

  const roots = [
    s.urlDir,
    ...(await list(s.hubDir)).filter((n) => n.includes('--')).map((n) => join(s.hubDir, n)),
  ];
  for (const root of roots) {
    const blobs = join(root, 'blobs');
    const linked = new Set<string>();
    let copies = false; // where symlinks are not allowed, snapshots hold copies: keep every blob
    for (const link of await walk(join(root, 'snapshots'))) {
      const target = await linkTarget(link);
      if (target) linked.add(target);
      else copies = true;
    }
    for (const name of await list(blobs)) {
      const path = join(blobs, name);
      if (name.endsWith('.lock')) {
        if (await isStaleLock(path)) await drop(path, out, opts.dryRun);
      } else if (name.endsWith('.incomplete')) {
        const lock = `${path.slice(0, -'.incomplete'.length)}.lock`;
        const running = (await exists(lock)) && !(await isStaleLock(lock));
        if (!running && (await old(path))) await drop(path, out, opts.dryRun);
      } else if (!copies && !linked.has(path) && (await old(path))) {
        await drop(path, out, opts.dryRun);
      }
    }
  }
  return out;
}

async function drop(path: string, out: Removal, dryRun = false, countBytes = true): Promise<void> {
  const info = await lstat(path).catch(() => null);
  if (!info) return;
  out.removed.push(path);
  if (countBytes && info.isFile()) out.bytes += info.size;
  if (!dryRun) await rm(path, { force: true });
}

async function linkTarget(link: string): Promise<string | undefined> {
  const target = await readlink(link).catch(() => undefined);
  return target === undefined ? undefined : resolve(dirname(link), target);
}

async function isLinkedFrom(
  snapshots: string,
  blob: string,
  except: Set<string>,
): Promise<boolean> {
  for (const link of await walk(snapshots)) {
    if (!except.has(link) && (await linkTarget(link)) === blob) return true;
  }
  return false;
}

async function list(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** Every non-directory entry below `dir` (files and symlinks), as absolute paths. */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name));
}

async function removeEmptyDirs(dir: string, stopAt: string): Promise<void> {
  while (dir.startsWith(stopAt + sep) && dir !== stopAt) {
    if (
      !(await rmdir(dir)
        .then(() => true)
        .catch(() => false))
    )
      return;
    dir = dirname(dir);
  }
}
