import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getFreePort } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

/** Polls `url` until it answers 200, or throws once `deadline` (epoch ms) passes or `failed()` says why. */
async function waitForOk(url: string, deadline: number, failed: () => string | undefined) {
  while (Date.now() < deadline) {
    const why = failed();
    if (why) throw new Error(why);
    const res = await fetch(url).catch(() => undefined);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 in time`);
}

describe('`start` (tsx server/main.ts), as a deployment runs it', () => {
  it('serves the API and the built page on PORT, then drains and exits 0 on SIGTERM', async () => {
    const port = await getFreePort();
    const child = spawn(process.execPath, [tsx, 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForOk(`${url}/v2/health/ready`, Date.now() + 120_000, () =>
        child.exitCode === null ? undefined : `exited with ${child.exitCode}:\n${output}`,
      );
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('<div id="root">');

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);
});
