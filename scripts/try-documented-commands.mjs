// Runs the commands README.md and docs/getting-started.md show, as written, the way a new user
// would after the quick start's set-up: long-running ones until they serve (then SIGTERM), the
// rest to completion. CI runs it on its clean clone. Last stdout line: one JSON object.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const results = [];

/** Runs a shell command line in its own process group; resolves with its exit code and output. */
function start(line, cwd, env = {}) {
  const child = spawn('bash', ['-c', line], {
    cwd,
    env: { ...process.env, ...env },
    detached: true, // its own process group, so the whole tree (pnpm → turbo → node) gets the signal
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return {
    exited,
    output: () => output,
    signal: (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    },
  };
}

async function step(name, fn) {
  const t0 = Date.now();
  process.stderr.write(`▶ ${name}\n`);
  try {
    await fn();
    results.push({ step: name, ok: true, ms: Date.now() - t0 });
  } catch (err) {
    results.push({ step: name, ok: false, ms: Date.now() - t0, error: err.message.slice(-2000) });
    process.stderr.write(`✖ ${name}\n${err.message.slice(-4000)}\n`);
  }
}

/** A command that must finish with exit code 0. */
async function run(line, cwd = repo, env = {}) {
  const p = start(line, cwd, env);
  const code = await p.exited;
  if (code !== 0) throw new Error(`\`${line}\` exited with ${code}:\n${p.output()}`);
  return p.output();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls until `check(url)` passes, failing early if the process exits. */
async function waitFor(proc, url, check, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  let exited;
  void proc.exited.then((c) => (exited = c));
  while (Date.now() < deadline) {
    if (exited !== undefined)
      throw new Error(`exited with ${exited} before serving:\n${proc.output()}`);
    const res = await fetch(url, { headers: { accept: 'text/html' } }).catch(() => undefined);
    if (res && (await check(res))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} was not served within ${timeoutMs / 1000} s:\n${proc.output()}`);
}

/** A long-running command: start it, wait until `url` serves, stop it with SIGTERM. */
async function serve(line, cwd, env, url, check) {
  const proc = start(line, cwd, env);
  try {
    await waitFor(proc, url, check);
  } finally {
    proc.signal('SIGTERM');
    const code = await Promise.race([
      proc.exited,
      new Promise((r) => setTimeout(() => r('timeout'), 30_000)),
    ]);
    if (code === 'timeout') proc.signal('SIGKILL');
  }
}

const isPage = async (res) => res.ok && (await res.text()).includes('<div id="root">');
const isOk = async (res) => res.ok;

// README: the quick start's main job, and PORT/HOST.
await step('README: PORT=… pnpm start', async () => {
  const port = await freePort();
  await serve('pnpm start', repo, { PORT: String(port) }, `http://127.0.0.1:${port}/`, isPage);
});
await step('README: PORT=… pnpm dev', async () => {
  const port = await freePort();
  await serve('pnpm dev', repo, { PORT: String(port) }, `http://127.0.0.1:${port}/`, isPage);
});
// README: a starter's own scripts, in place.
const plates = join(repo, 'starters/license-plate');
await step('README: pnpm exec shipml models list (in a starter)', async () => {
  const out = await run('pnpm exec shipml models list', plates);
  if (!out.includes('ppocr-det')) throw new Error(`ppocr-det not listed:\n${out}`);
});
await step('README: pnpm exec shipml-serve --help', () =>
  run('pnpm exec shipml-serve --help', plates),
);

// getting-started.md: create an app from this clone, then every command the guide shows in it.
const work = mkdtempSync(join(tmpdir(), 'shipml-docs-'));
const app = join(work, 'my-app');
try {
  await step('getting-started: pnpm create-app <dir> --recipe minimal', () =>
    run(`pnpm create-app ${app} --recipe minimal --no-git`),
  );
  await step('getting-started: pnpm test', () => run('pnpm test', app));
  await step('getting-started: pnpm exec shipml models verify', () =>
    run('pnpm exec shipml models verify', app),
  );
  await step('getting-started: PORT=… pnpm dev', async () => {
    const port = await freePort();
    await serve('pnpm dev', app, { PORT: String(port) }, `http://127.0.0.1:${port}/`, isPage);
  });
  await step('getting-started: pnpm build && PORT=… pnpm start, then the V2 curl', async () => {
    await run('pnpm build', app);
    const port = await freePort();
    const proc = start('pnpm start', app, { PORT: String(port) });
    try {
      await waitFor(proc, `http://127.0.0.1:${port}/v2/health/ready`, isOk);
      const out = await run(
        `curl -sf localhost:${port}/v2/models/celsius-to-fahrenheit/infer -H 'content-type: application/json' -d '{"inputs":[{"name":"celsius","datatype":"FP32","shape":[1,1],"data":[37]}]}'`,
      );
      const value = JSON.parse(out).outputs?.[0]?.data?.[0];
      if (Math.abs(value - 98.6) > 0.01) throw new Error(`37 °C gave ${value}, not 98.6`);
    } finally {
      proc.signal('SIGTERM');
      await proc.exited;
    }
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok);
for (const r of results)
  process.stderr.write(`${r.ok ? '✔' : '✖'} ${r.step} (${(r.ms / 1000).toFixed(1)} s)\n`);
console.log(
  JSON.stringify({ ok: failed.length === 0, steps: results.map(({ error: _e, ...r }) => r) }),
);
process.exitCode = failed.length === 0 ? 0 : 1;
