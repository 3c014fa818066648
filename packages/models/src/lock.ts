import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockOptions {
  /** A lock whose holder is gone, or not refreshed for this long (ms), is broken. Default 30 000. */
  staleMs?: number;
  /** How often a waiter looks again (ms). Default 100. */
  pollMs?: number;
  /** Checked while waiting: true means the work is done by the holder, stop waiting. */
  done?: () => Promise<boolean>;
  onWait?: () => void;
  signal?: AbortSignal | undefined;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
}

/**
 * Takes an exclusive lock file (created with O_EXCL, so only one process wins), refreshed while
 * held so other processes can tell a live holder from a crashed one. Returns the release
 * function, or undefined when `done()` turned true while waiting.
 */
export async function acquireLock(
  path: string,
  o: LockOptions = {},
): Promise<(() => Promise<void>) | undefined> {
  const staleMs = o.staleMs ?? 30_000;
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    token: Math.random().toString(36).slice(2),
  };
  let waiting = false;
  for (;;) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(JSON.stringify(me));
      await fh.close();
      const beat = setInterval(() => {
        const now = new Date();
        utimes(path, now, now).catch(() => {});
      }, staleMs / 3);
      beat.unref();
      return async () => {
        clearInterval(beat);
        // Only remove our own lock: if it was broken as stale, someone else's may sit there now.
        if ((await readHolder(path))?.token === me.token) await rm(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (await o.done?.()) return undefined;
    if (await isStaleLock(path, staleMs)) {
      // Two waiters may break the same stale lock; the file we verify before renaming into
      // place keeps that rare race from ever publishing a bad blob.
      await rm(path, { force: true });
      continue;
    }
    if (!waiting) o.onWait?.();
    waiting = true;
    await sleep(o.pollMs ?? 100, undefined, { signal: o.signal });
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/** True when the lock's holder is a dead process on this host, or it was not refreshed for `staleMs`. */
export async function isStaleLock(path: string, staleMs = 30_000): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info) return false; // released meanwhile: just try again
  const holder = await readHolder(path);
  if (holder && holder.host === hostname() && !isAlive(holder.pid)) return true;
  return Date.now() - info.mtimeMs > staleMs;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
