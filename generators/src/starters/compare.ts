import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectFiles } from './project-files.js';

/** How a committed starter differs from its recipe's output. */
export interface StarterDifference {
  recipe: string;
  /** Files the recipe makes that the starter lacks. */
  missing: string[];
  /** Files in the starter the recipe does not make. */
  extra: string[];
  /** Files whose bytes differ. */
  changed: string[];
}

/** Compares `<expectedRoot>/<recipe>` (fresh output) with `<actualRoot>/<recipe>` (committed). */
export function compareStarter(
  recipe: string,
  expectedRoot: string,
  actualRoot: string,
): StarterDifference {
  const expectedDir = join(expectedRoot, recipe);
  const actualDir = join(actualRoot, recipe);
  const expected = projectFiles(expectedDir);
  const actual = new Set(projectFiles(actualDir));
  const missing = expected.filter((f) => !actual.has(f));
  const extra = [...actual].filter((f) => !expected.includes(f)).sort();
  const changed = expected.filter(
    (f) =>
      actual.has(f) && !readFileSync(join(expectedDir, f)).equals(readFileSync(join(actualDir, f))),
  );
  return { recipe, missing, extra, changed };
}

export function isClean(d: StarterDifference): boolean {
  return d.missing.length + d.extra.length + d.changed.length === 0;
}

/** A unified diff of one file (expected → committed), as git prints it. */
export function fileDiff(expectedFile: string, actualFile: string): string {
  const res = spawnSync(
    'git',
    ['diff', '--no-index', '--no-color', '--', expectedFile, actualFile],
    {
      encoding: 'utf8',
    },
  );
  return res.stdout || res.stderr;
}
