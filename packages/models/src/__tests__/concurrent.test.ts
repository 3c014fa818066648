import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import { bytes, commitId, sha256, writeManifest } from './helpers.js';
import { runCli, startCli } from './run-cli.js';

const big = bytes(1_000_000, 5);
const COMMIT = commitId('concurrent');
const BLOB = sha256(big);

describe('several processes pulling the same file', () => {
  let hub: HubMirror;
  let tmp: ReturnType<typeof makeTempDir>;
  let env: Record<string, string>;
  let manifestPath: string;
  const blobs = () => join(tmp.path, 'cache', 'hub', 'models--acme--big', 'blobs');
  beforeAll(async () => {
    hub = await serveHubMirror([
      { repo: 'acme/big', path: 'model.onnx', data: big, commit: COMMIT, lfs: true },
    ]);
  });
  afterAll(() => hub.close());
  beforeEach(async () => {
    tmp = makeTempDir();
    hub.requests.length = 0;
    env = { SHIPML_CACHE: join(tmp.path, 'cache'), HF_ENDPOINT: hub.url };
    manifestPath = (
      await writeManifest(join(tmp.path, 'app'), [
        {
          id: 'big',
          files: [{ name: 'model.onnx', source: 'hf:acme/big@main/model.onnx', data: big }],
        },
      ])
    ).path;
    return () => tmp.remove();
  });

  it('two concurrent pulls: one downloads, the other waits, both end with one good copy', async () => {
    // ~2 s transfer, so the second process certainly arrives while the first is downloading.
    hub.fail('/cdn/', { type: 'slow', chunk: 10_000, everyMs: 20 }, 2);
    const args = ['models', 'pull', 'big', '--manifest', manifestPath];
    const [a, b] = await Promise.all([runCli(args, env), runCli(args, env)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const path = join(
      tmp.path,
      'cache',
      'hub',
      'models--acme--big',
      'snapshots',
      COMMIT,
      'model.onnx',
    );
    expect(a.stdout).toBe(`big  ready  ${path}\n`);
    expect(b.stdout).toBe(a.stdout);
    expect(
      [a.stderr, b.stderr].filter((s) => s.includes('another process is downloading it')),
    ).toHaveLength(1);
    expect(hub.requests.filter((r) => r.url.startsWith('/cdn/'))).toHaveLength(1);
    expect(readdirSync(blobs())).toEqual([BLOB]); // no .incomplete, no .lock
    expect(sha256(readFileSync(path))).toBe(BLOB);
  });

  it('a pull killed mid-download leaves a lock and a partial file; the next one breaks the lock and resumes', async () => {
    hub.fail('/cdn/', { type: 'slow', chunk: 10_000, everyMs: 20 });
    const first = startCli(['models', 'pull', 'big', '--manifest', manifestPath], env);
    const partial = join(blobs(), `${BLOB}.incomplete`);
    // Kill it once it has written a good part of the file.
    for (
      let i = 0;
      i < 400 && (statSync(partial, { throwIfNoEntry: false })?.size ?? 0) < 300_000;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 25));
    }
    first.child.kill('SIGKILL');
    await first.done;
    const kept = statSync(partial).size;
    expect(kept).toBeGreaterThanOrEqual(300_000);
    expect(readdirSync(blobs()).sort()).toEqual([`${BLOB}.incomplete`, `${BLOB}.lock`]);

    hub.requests.length = 0;
    const second = await runCli(['models', 'pull', 'big', '--manifest', manifestPath], env);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`resuming at byte ${kept}`);
    expect(
      hub.requests.filter((r) => r.url.startsWith('/cdn/')).map((r) => [r.status, r.range]),
    ).toEqual([[206, `bytes=${kept}-`]]);
    expect(readdirSync(blobs())).toEqual([BLOB]);
  });

  it('a fresh lock held by a process on another host is waited for, not broken', async () => {
    // Written like a holder elsewhere (e.g. a shared network cache): fresh, so we must wait.
    const lock = join(blobs(), `${BLOB}.lock`);
    await import('node:fs/promises').then((fs) => fs.mkdir(blobs(), { recursive: true }));
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'elsewhere', token: 'x' }));
    const pull = startCli(['models', 'pull', 'big', '--manifest', manifestPath], env);
    for (
      let i = 0;
      i < 400 && !pull.output().stderr.includes('another process is downloading it');
      i++
    ) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(pull.output().stderr).toContain('another process is downloading it');
    expect(hub.requests.filter((r) => r.url.startsWith('/cdn/'))).toHaveLength(0);
    // The "other host" finishes: it puts the blob in place and releases the lock.
    writeFileSync(join(blobs(), BLOB), big);
    await import('node:fs/promises').then((fs) => fs.rm(lock));
    const res = await pull.done;
    expect(res.code).toBe(0);
    expect(hub.requests.filter((r) => r.url.startsWith('/cdn/'))).toHaveLength(0);
  });
});
