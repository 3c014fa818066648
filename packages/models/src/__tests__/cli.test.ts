import { spawn } from 'node:child_process';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import { bytes, commitId, sha256, writeManifest } from './helpers.js';
import { CLI, runCli } from './run-cli.js';

const onnx = bytes(120_000, 21);
const local = Buffer.from('local weights');
const COMMIT = commitId('cli');

/** Runs the CLI under `script`, which gives it a pseudo-terminal (so stderr.isTTY is true). */
function runInTty(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; out: string }> {
  const cmd = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qec', cmd, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

describe('shipml models (the built binary)', () => {
  let hub: HubMirror;
  const tmp = makeTempDir();
  const app = join(tmp.path, 'app');
  let env: Record<string, string>;
  let manifest: string;
  const blobs = join(tmp.path, 'cache', 'hub', 'models--acme--tiny', 'blobs');
  const snapshot = join(
    tmp.path,
    'cache',
    'hub',
    'models--acme--tiny',
    'snapshots',
    COMMIT,
    'model.onnx',
  );

  beforeAll(async () => {
    hub = await serveHubMirror([
      { repo: 'acme/tiny', path: 'model.onnx', data: onnx, commit: COMMIT, lfs: true },
    ]);
    writeFileSync(join(tmp.path, 'local.onnx'), local);
    manifest = (
      await writeManifest(app, [
        {
          id: 'tiny',
          files: [{ name: 'model.onnx', source: 'hf:acme/tiny@main/model.onnx', data: onnx }],
        },
        { id: 'mine', files: [{ name: 'model.onnx', source: 'file:../local.onnx', data: local }] },
      ])
    ).path;
    env = { SHIPML_CACHE: join(tmp.path, 'cache'), HF_ENDPOINT: hub.url };
  });
  afterAll(async () => {
    await hub.close();
    tmp.remove();
  });

  it('list shows what is missing; path refuses to download and prints the pull command', async () => {
    const list = await runCli(['models', 'list', '--json'], env, app);
    expect(list.code).toBe(0);
    const json = JSON.parse(list.stdout) as {
      models: { id: string; state: string; size: number }[];
    };
    expect(json.models.map((m) => [m.id, m.state, m.size])).toEqual([
      ['tiny', 'missing', onnx.length],
      ['mine', 'local', local.length],
    ]);
    const table = await runCli(['models', 'list'], env, app);
    expect(table.stdout).toMatch(
      /^ID\s+RUNTIME\s+TASK\s+FILES\s+SIZE\s+STATUS\ntiny\s+onnx\s+-\s+1\s+120\.0 kB\s+missing \(1 of 1 files\)\nmine\s+onnx\s+-\s+1\s+13 B\s+local\n/,
    );

    const path = await runCli(['models', 'path', 'tiny'], env, app);
    expect(path.code).toBe(1);
    expect(path.stderr).toContain('tiny is not downloaded yet');
    expect(path.stderr).toContain('pnpm exec shipml models pull tiny\n');
    expect(hub.requests).toEqual([]);
  });

  it('pull prints plain log lines off a TTY, then path/verify/list agree', async () => {
    const pull = await runCli(['models', 'pull', '--manifest', manifest], env);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toBe(
      `tiny  ready  ${snapshot}\nmine  ready  ${join(tmp.path, 'local.onnx')}\n`,
    );
    expect(pull.stderr).toContain(
      `tiny/model.onnx: downloading 120.0 kB from http://localhost:${hub.port}/cdn/${sha256(onnx)}`,
    );
    expect(pull.stderr).toContain('tiny/model.onnx: downloaded 120.0 kB, sha256 verified');
    expect(pull.stderr).not.toContain('\x1b[');

    expect((await runCli(['models', 'path', 'tiny'], env, app)).stdout).toBe(`${snapshot}\n`);
    expect(
      (await runCli(['models', 'path', 'mine', '--file', 'model.onnx'], env, app)).stdout,
    ).toBe(`${join(tmp.path, 'local.onnx')}\n`);
    const verify = await runCli(['models', 'verify'], env, app);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('all 2 file(s) match the manifest');
    const list = JSON.parse((await runCli(['models', 'list', '--json'], env, app)).stdout) as {
      models: { state: string }[];
    };
    expect(list.models.map((m) => m.state)).toEqual(['cached', 'local']);
  });

  it('verify catches a corrupted cache file and names both hashes', async () => {
    const blob = join(blobs, sha256(onnx));
    const bad = Buffer.from(onnx);
    bad.writeUInt8(bad.readUInt8(1000) ^ 0xff, 1000);
    writeFileSync(blob, bad);
    const verify = await runCli(['models', 'verify', 'tiny'], env, app);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(
      `MISMATCH tiny/model.onnx  sha256 mismatch at ${snapshot}: expected ${sha256(onnx)}, got ${sha256(bad)}`,
    );
    expect(verify.stdout).toContain('1 of 1 file(s) failed');
    // A pull repairs it: the damaged blob is not trusted, it is fetched again.
    expect((await runCli(['models', 'pull', 'tiny'], env, app)).code).toBe(0);
    expect((await runCli(['models', 'verify'], env, app)).code).toBe(0);
  });

  it('draws a progress bar with bytes, speed and ETA on a TTY', async () => {
    hub.fail('/cdn/', { type: 'slow', chunk: 10_000, everyMs: 30 });
    const rm = await runCli(['models', 'rm', 'tiny'], env, app);
    expect(rm.stdout).toContain('tiny: 120.0 kB freed');
    const { code, out } = await runInTty(['models', 'pull', 'tiny'], env, app);
    expect(code).toBe(0);
    expect(out).toContain('\x1b[2K'); // lines are redrawn in place
    expect(out).toMatch(
      /↓ tiny\/model\.onnx [█░]+ +\d+% [\d.]+ kB\/120\.0 kB [\d.]+ (B|kB|MB)\/s ETA \d+:\d\d/,
    );
    expect(out).toContain('✔ tiny/model.onnx ████████████████████████ 120.0 kB done');
  });

  it('rm removes links and blobs; prune clears interrupted downloads and orphans', async () => {
    const rm = await runCli(['models', 'rm', 'tiny'], env, app);
    expect(rm.code).toBe(0);
    expect(rm.stdout).toContain(`removed ${snapshot}`);
    expect(existsSync(snapshot)).toBe(false);
    expect(readdirSync(blobs)).toEqual([]);
    expect((await runCli(['models', 'rm', 'mine'], env, app)).stdout).toBe(
      'mine: nothing cached\n',
    );
    expect(existsSync(join(tmp.path, 'local.onnx'))).toBe(true); // file: sources are never touched

    const partial = join(blobs, 'deadbeef.incomplete');
    const orphan = join(blobs, 'cafebabe');
    writeFileSync(partial, 'half');
    writeFileSync(orphan, 'nobody links here');
    const fresh = join(blobs, 'feedface.incomplete');
    writeFileSync(fresh, 'a download may still be running');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(partial, old, old);
    utimesSync(orphan, old, old);
    const dry = await runCli(['models', 'prune', '--dry-run'], env, app);
    expect(dry.stdout).toContain(`would remove ${partial}`);
    expect(existsSync(partial)).toBe(true);
    const prune = await runCli(['models', 'prune'], env, app);
    expect(prune.code).toBe(0);
    expect(prune.stdout).toContain('2 file(s), 21 B freed');
    expect(readdirSync(blobs)).toEqual(['feedface.incomplete']);
  });

  it('bad usage and bad manifests exit non-zero with a clear message', async () => {
    const none = await runCli(['models', 'list'], env, tmp.path);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      `No models.json (or package.json with "shipml.models") in ${tmp.path}`,
    );
    const unknown = await runCli(['models', 'path', 'nope'], env, app);
    expect(unknown.stderr).toBe(
      `shipml: Unknown model "nope" in ${manifest}; declared: tiny, mine\n`,
    );
    const usage = await runCli(['models', 'fly'], env, app);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown command "models fly"');
    expect((await runCli(['--help'], env)).stdout).toContain('Usage: shipml models <command>');
  });
});
