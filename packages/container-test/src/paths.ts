import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Names of the starters (folders of starters/ with a package.json), sorted. */
export function starterNames(): string[] {
  const dir = join(repoRoot, 'starters');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .sort();
}

/** starters/<name>, absolute. */
export function starterDir(name: string): string {
  return join(repoRoot, 'starters', name);
}
