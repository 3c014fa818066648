import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { getFreePort, waitForHttp } from './ports.js';

/**
 * Builds the app as its `build` script does, from its root folder: the page with Vite into
 * `dist/web`, the server with `tsc -p tsconfig.build.json` into `dist/server`. Browser tests
 * call it once (vitest's globalSetup), so they test what `start` serves.
 */
export async function buildForProduction(root = process.cwd()): Promise<void> {
  const { build } = await import('vite');
  // The config's own `root` (web/) is relative to the working folder: run from the app's root.
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}

export interface ProductionServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends `signal` (default SIGTERM) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the built server (`node dist/server/main.js`, what `start` runs) on a free port and
 * waits until `/v2/health/ready` answers, i.e. the models are loaded.
 */
export async function startProduction(
  root = process.cwd(),
  env: NodeJS.ProcessEnv = {},
): Promise<ProductionServer> {
  const port = await getFreePort();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/v2/health/ready`, 120_000, () =>
      child.exitCode === null ? undefined : `exited with ${child.exitCode}:\n${output}`,
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      const code = await Promise.race([
        exited,
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000)),
      ]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        throw new Error(`the server did not exit within 30 s of ${signal}:\n${output}`);
      }
      return code;
    },
  };
}
