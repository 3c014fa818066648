import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Build and test output a starter directory may hold: never part of a template. */
const GENERATED_DIRS = new Set([
  'node_modules',
  'dist',
  'test-results',
  '.turbo',
  '.shipml-cache',
  'coverage',
]);

/**
 * Every file under `dir` outside build and test output (node_modules, dist, test-results,
 * .turbo, .shipml-cache, coverage, *.tsbuildinfo), as sorted POSIX paths relative to `dir`.
 */
export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!GENERATED_DIRS.has(entry.name)) walk(child);
      } else if (entry.isFile() && !entry.name.endsWith('.tsbuildinfo')) {
        out.push(child);
      }
    }
  };
  walk('');
  return out.sort();
}

function gitTracked(dir: string): string[] | undefined {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return out.split('\0').filter(Boolean);
  } catch {
    return undefined; // not a git checkout, or no git
  }
}

/**
 * The files that make up a starter, as sorted POSIX paths relative to `dir`: in a git checkout,
 * the files git tracks there (an untracked scratch file is not part of it; a tracked file
 * deleted from disk is not either). Outside a checkout, or for a directory git knows nothing
 * of yet (a starter just made by `pnpm gen recipe`), every file `walkFiles` finds.
 */
export function trackedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const tracked = gitTracked(dir);
  if (!tracked || tracked.length === 0) return walkFiles(dir);
  return [...new Set(tracked)].filter((p) => existsSync(join(dir, p))).sort();
}
