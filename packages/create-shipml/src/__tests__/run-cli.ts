import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real, built binary (`pnpm build` first; turbo's test task depends on build). */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the binary with no terminal (stdin closed, output piped), as CI and scripts do. A
 * 30 s cap turns a prompt that waits for input into a failed test instead of a hung run.
 */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/**
 * {@link runCli} without blocking this process, for tests whose servers the binary talks to
 * (a hub mirror in the same process could not answer a synchronous child).
 */
export function runCliAsync(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** One exchange with a prompt: when `after` appears on screen, type `keys`. */
export interface TtyStep {
  after: string;
  keys: string;
}

/**
 * Runs the binary on a pseudo-terminal (util-linux `script`) and answers its prompts: each
 * step waits until its text is on screen, so a slow start cannot make keys arrive early.
 */
export function runCliOnTty(cwd: string, steps: TtyStep[]): Promise<CliRun> {
  return new Promise((resolve) => {
    // A pty made from a pipe has no size: give it one, or prompts wrap at one column.
    const command = `stty cols 120 rows 40; ${process.execPath} ${CLI}`;
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm' },
    });
    let screen = '';
    let seen = 0; // screen offset after the last answered prompt
    const pending = [...steps];
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString().replace(ANSI, '');
      const next = pending[0];
      const at = next ? screen.indexOf(next.after, seen) : -1;
      if (next && at >= 0) {
        pending.shift();
        seen = at + next.after.length;
        // Let the prompt finish drawing and switch to raw mode before typing.
        setTimeout(() => child.stdin.write(next.keys), 300);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ status, stdout: screen, stderr: '' });
    });
  });
}

export const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
