import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getFreePort } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

describe('`start` (tsx server/main.ts), as a deployment runs it', () => {
  it('gets ready on PORT, then drains and exits 0 on SIGTERM', async () => {
    const port = await getFreePort();
    const child = spawn(process.execPath, [tsx, 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      // Ready once the models are loaded; an early exit fails the test instead of waiting.
      const ready = `http://127.0.0.1:${port}/v2/health/ready`;
      while (!(await fetch(ready).catch(() => undefined))?.ok) {
        expect(child.exitCode).toBeNull();
        await new Promise((r) => setTimeout(r, 200));
      }
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
