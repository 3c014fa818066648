import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exec } from './exec.js';
import { repoRoot, starterDir } from './paths.js';

/** Where the staged build context keeps the packed @shipml packages. */
export const VENDOR_DIR = '.shipml-packages';

/**
 * Copies a starter's files, as a clean clone has them (git-tracked, or new and not ignored),
 * into `dir`: the build context its Dockerfile sees inside the monorepo. Its `workspace:*`
 * dependencies are then packed into the context (see {@link vendorShipmlPackages}).
 */
export async function stageStarter(name: string, dir: string): Promise<void> {
  const src = starterDir(name);
  const { stdout } = await exec('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
    cwd: src,
  });
  for (const rel of stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(src, rel))) continue; // deleted in the work tree
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    cpSync(join(src, rel), join(dir, rel));
  }
  await vendorShipmlPackages(dir);
}

/**
 * Creates an app from a starter the way `pnpm create shipml` does (create-shipml's CLI, from
 * its packed templates), outside the monorepo, with no install and no git.
 */
export async function createApp(recipe: string, dir: string): Promise<void> {
  mkdirSync(dirname(dir), { recursive: true });
  await exec(
    'node',
    [
      join(repoRoot, 'packages/create-shipml/bin/create-shipml.js'),
      dir,
      '--recipe',
      recipe,
      '--pm',
      'npm',
      '--yes',
      '--no-git',
      '--no-install',
    ],
    { cwd: dirname(dir) },
  );
  await vendorShipmlPackages(dir);
}

/**
 * Packs each `@shipml/*` package the app depends on (from this checkout, built) into
 * `<dir>/.shipml-packages/` and points the dependency at the tarball (`file:` inside the build
 * context), the way the app would get the published package from the registry. The packages are
 * not on the registry yet; once they are, a created app builds with no such step.
 */
export async function vendorShipmlPackages(dir: string): Promise<string[]> {
  const pkgPath = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<string, unknown>;
  const vendor = join(dir, VENDOR_DIR);
  mkdirSync(vendor, { recursive: true });
  const packed: string[] = [];
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const deps = (pkg[field] ?? {}) as Record<string, string>;
    for (const name of Object.keys(deps).filter((n) => n.startsWith('@shipml/'))) {
      const tarball = await packWorkspacePackage(name, vendor);
      deps[name] = `file:${VENDOR_DIR}/${tarball}`;
      packed.push(name);
    }
  }
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  return packed;
}

async function packWorkspacePackage(name: string, dest: string): Promise<string> {
  const packagesDir = join(repoRoot, 'packages');
  const folder = readdirSync(packagesDir).find((d) => {
    const file = join(packagesDir, d, 'package.json');
    return (
      existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name === name
    );
  });
  if (!folder) throw new Error(`${name} is not a package of this monorepo`);
  const before = new Set(readdirSync(dest));
  // pnpm pack turns the package's own workspace: ranges into versions, as publishing does.
  await exec('pnpm', ['pack', '--pack-destination', dest], { cwd: join(packagesDir, folder) });
  const tarball = readdirSync(dest).find((f) => !before.has(f) && f.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${name}`);
  return tarball;
}
