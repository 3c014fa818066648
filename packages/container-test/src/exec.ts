import { spawn } from 'node:child_process';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion and captures its output; throws with the output's tail when it
 * exits non-zero (unless `allowFailure`).
 */
export function exec(
  command: string,
  args: string[],
  opts: { cwd?: string; allowFailure?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code: code ?? 1, stdout, stderr };
      if (result.code !== 0 && !opts.allowFailure) {
        const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n');
        reject(new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${tail}`));
      } else {
        resolve(result);
      }
    });
  });
}

/** `podman …`, with its systemd-timer complaints (no systemd on these hosts) left out of errors. */
export async function podman(
  args: string[],
  opts: { allowFailure?: boolean } = {},
): Promise<ExecResult> {
  const result = await exec('podman', args, opts);
  result.stderr = result.stderr
    .split('\n')
    .filter((l) => !/systemd|syslog/.test(l))
    .join('\n');
  return result;
}
