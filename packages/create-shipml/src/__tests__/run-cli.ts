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
 * Runs the binary on a pseudo-terminal (util-linux `script`) and types `keys`, one entry per
 * prompt, waiting `delayMs` between them.
 */
export function runCliOnTty(cwd: string, keys: string[], delayMs = 1_000): Promise<CliRun> {
  return new Promise((resolve) => {
    // A pty made from a pipe has no size: give it one, or prompts wrap at one column.
    const command = `stty cols 120 rows 40; ${process.execPath} ${CLI}`;
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm' },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    let i = 0;
    const typeNext = () => {
      if (i >= keys.length) return;
      child.stdin.write(keys[i++]!);
      setTimeout(typeNext, delayMs);
    };
    setTimeout(typeNext, delayMs * 1.5);
    child.on('close', (status) => {
      clearTimeout(timer);
      child.stdin.destroy();
      // Drop colours and cursor movement: tests read the words.
      // eslint-disable-next-line no-control-regex
      resolve({ status, stdout: stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''), stderr: '' });
    });
  });
}

export const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
