import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.js';
import { exec } from './exec.js';

export interface PublicPackage {
  name: string;
  version: string;
  dir: string;
}

/** The packages a release publishes: every packages/* that is not private. */
export function publicPackages(): PublicPackage[] {
  const root = join(repoRoot, 'packages');
  return readdirSync(root)
    .sort()
    .map((d) => join(root, d))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({
      dir,
      ...(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        private?: boolean;
      }),
    }))
    .filter((p) => !(p as { private?: boolean }).private)
    .map(({ name, version, dir }) => ({ name, version, dir }));
}

/**
 * Publishes each public package the way `changeset publish` does in a pnpm workspace:
 * `pnpm publish` from the package directory, which turns `workspace:*` into real versions
 * and packs only the `files` list (the builds must exist: run the build first).
 */
export async function publishAll(env: NodeJS.ProcessEnv): Promise<PublicPackage[]> {
  const packages = publicPackages();
  for (const pkg of packages) {
    await exec('pnpm', ['publish', '--no-git-checks', '--access', 'public'], {
      cwd: pkg.dir,
      env,
      label: `publish ${pkg.name}`,
    });
  }
  return packages;
}
