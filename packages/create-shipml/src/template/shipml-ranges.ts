import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UnpinnedDependencyError, UsageError } from '../errors.js';

/** Decides the range a created app gives a `@shipml/*` package the starter links with `workspace:*`. */
export type ShipmlRange = (name: string) => string;

/** `^<version>` from the one version map, shipml-versions.json (package → published version). */
export function publishedRanges(versions: Readonly<Record<string, string>>): ShipmlRange {
  return (name) => {
    const version = versions[name];
    if (!version) throw new UnpinnedDependencyError(`No published version is known for ${name}.`);
    return `^${version}`;
  };
}

/**
 * The public packages of a local shipml checkout: package name → `file:<checkout>/packages/<dir>`.
 * A UsageError when `checkout` has no packages folder with a package.json in it.
 */
export function localPackages(checkout: string): Record<string, string> {
  const root = resolve(checkout);
  const packagesDir = join(root, 'packages');
  const links: Record<string, string> = {};
  if (existsSync(packagesDir)) {
    for (const dir of readdirSync(packagesDir)) {
      const file = join(packagesDir, dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; private?: boolean };
      if (pkg.name && !pkg.private) links[pkg.name] = `file:${join(packagesDir, dir)}`;
    }
  }
  if (Object.keys(links).length === 0) {
    throw new UsageError(
      `--local ${checkout}: no packages/*/package.json there; name a shipml checkout.`,
    );
  }
  return links;
}

/**
 * `file:<checkout>/packages/<dir>`: the packages of a local shipml checkout (`--local`), so an
 * app created before anything is on the registry installs against that checkout's builds.
 */
export function localRanges(checkout: string): ShipmlRange {
  const links = localPackages(checkout);
  return (name) => {
    const link = Object.hasOwn(links, name) ? links[name] : undefined;
    if (!link) {
      throw new UnpinnedDependencyError(`${name} is not a public package of ${resolve(checkout)}.`);
    }
    return link;
  };
}
