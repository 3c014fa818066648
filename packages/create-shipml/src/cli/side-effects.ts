import { spawnSync } from 'node:child_process';

/** Runs the package manager's install in `dir`, output shown. Returns whether it succeeded. */
export function install(dir: string, command: string[]): boolean {
  const [cmd, ...args] = command;
  const res = spawnSync(cmd!, args, {
    cwd: dir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return res.status === 0;
}

function git(dir: string, args: string[]): boolean {
  return spawnSync('git', args, { cwd: dir, stdio: 'ignore' }).status === 0;
}

/**
 * Creates a git repository with one commit. Skipped (with the reason returned) when git is
 * missing or `dir` is already inside a repository; a missing git identity leaves the files
 * staged but uncommitted rather than inventing one.
 */
export function initGit(dir: string): string {
  if (!git(dir, ['--version'])) return 'git is not installed: skipped the repository.';
  if (git(dir, ['rev-parse', '--is-inside-work-tree'])) {
    return 'already inside a git repository: did not create another.';
  }
  if (!git(dir, ['init', '-q']) || !git(dir, ['add', '-A'])) return 'git init failed.';
  if (!git(dir, ['commit', '-q', '-m', 'Initial commit from create-shipml'])) {
    return 'created a git repository; commit the files yourself (git has no user.name/user.email).';
  }
  return 'created a git repository with an initial commit.';
}
