import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Build and test output a starter directory may hold that is never part of a recipe's output. */
const GENERATED_DIRS = new Set([
  'node_modules',
  'dist',
  'test-results',
  '.turbo',
  'coverage',
  '.shipml-cache',
]);

function insideGitWorkTree(dir: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The files that make up a project directory, as sorted POSIX paths relative to it: in a git
 * work tree, what git tracks or would track (ignored build output left out, files deleted from
 * disk left out); elsewhere, every file outside build-output directories.
 */
export function projectFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (insideGitWorkTree(dir)) {
    const out = execFileSync(
      'git',
      ['ls-files', '-z', '-c', '-o', '--exclude-standard', '--', '.'],
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return [...new Set(out.split('\0').filter(Boolean))]
      .filter((p) => existsSync(join(dir, p)))
      .sort();
  }
  const files: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.isDirectory() && GENERATED_DIRS.has(entry.name)) continue;
      const child = join(abs, entry.name);
      if (entry.isDirectory()) walk(child);
      else files.push(relative(dir, child).split('\\').join('/'));
    }
  };
  walk(dir);
  return files.sort();
}
