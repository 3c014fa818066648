import { spawnSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from './lock.js';

describe('acquireLock', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.remove());
  let n = 0;
  const lockPath = () => join(tmp.path, `${n++}.lock`);

  it('lets one holder in at a time and removes the file on release', async () => {
    const path = lockPath();
    const release = await acquireLock(path);
    expect(existsSync(path)).toBe(true);
    let second = false;
    const waiting = acquireLock(path, { pollMs: 10 }).then((r) => {
      second = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(second).toBe(false);
    await release!();
    const release2 = await waiting;
    expect(second).toBe(true);
    await release2!();
    expect(existsSync(path)).toBe(false);
  });

  it('breaks a lock whose process is dead, or that was not refreshed for staleMs', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: dead, host: hostname(), token: 'old' }));
    const r1 = await acquireLock(path, { pollMs: 10 });
    await r1!();

    writeFileSync(path, JSON.stringify({ pid: 1, host: 'another-host', token: 'old' }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    const r2 = await acquireLock(path, { pollMs: 10, staleMs: 30_000 });
    await r2!();
  });

  it('stops waiting when the work got done by the holder', async () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'another-host', token: 'live' }));
    let checks = 0;
    const r = await acquireLock(path, { pollMs: 10, done: () => Promise.resolve(++checks >= 3) });
    expect(r).toBeUndefined();
    expect(existsSync(path)).toBe(true); // someone else's lock is left alone
  });
});
