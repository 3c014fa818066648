import { UnpinnedDependencyError } from '../errors.js';
import { VERSIONS } from './versions.js';

/**
 * Where rendered files go. `workspace`: `starters/<recipe>` inside the shipml monorepo, linked
 * to the packages next to it. `standalone`: an app created by `pnpm create shipml`, which
 * installs published packages from the registry.
 */
export type RenderTarget = 'workspace' | 'standalone';

/**
 * The one function that decides a dependency's version range.
 *
 * `@shipml/*` packages are `workspace:*` in the monorepo and `^<published version>` in a
 * standalone app (`shipmlVersions` maps package name → version, snapshotted when create-shipml
 * is built). Everything else comes from the pinned `VERSIONS` map, whatever the target.
 */
export function dependencyRange(
  name: string,
  target: RenderTarget,
  shipmlVersions: Readonly<Record<string, string>> = {},
): string {
  if (name.startsWith('@shipml/')) {
    if (target === 'workspace') return 'workspace:*';
    const version = shipmlVersions[name];
    if (!version) {
      throw new UnpinnedDependencyError(`No published version is known for ${name}.`);
    }
    return `^${version}`;
  }
  const range = VERSIONS[name];
  if (!range) {
    throw new UnpinnedDependencyError(
      `${name} has no pinned version: add it to VERSIONS in create-shipml/src/engine/versions.ts.`,
    );
  }
  return range;
}
