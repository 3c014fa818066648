import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getFreePort, waitForHttp } from '@shipml/test-utils';

/** The built app (`node dist/server/main.js`) running as a child process on a free port. */
export interface RunningApp {
  url: string;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** SIGTERM, then the exit code once it has drained and exited. */
  stop(): Promise<number | null>;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts the production build exactly as `pnpm start` does, and waits until its models are ready. */
export async function startBuiltApp(): Promise<RunningApp> {
  const port = await getFreePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitForHttp(`${url}/v2/health/ready`, 120_000),
      exited.then((code) => {
        throw new Error(`the app exited with code ${code} before it was ready:\n${output}`);
      }),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
