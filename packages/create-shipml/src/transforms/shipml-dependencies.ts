import { DEPENDENCY_FIELDS, type PackageJson } from './package-json.js';

/**
 * Transform "workspace versions": every `workspace:` range (the starter's links to the
 * monorepo's packages) becomes `rangeFor(name)`: `^<published version>`, or a `file:` path
 * into a local checkout. Third-party ranges are kept exactly as the starter has them.
 */
export function pinShipmlDependencies(
  pkg: PackageJson,
  rangeFor: (name: string) => string,
): PackageJson {
  const out: PackageJson = { ...pkg };
  for (const field of DEPENDENCY_FIELDS) {
    const deps = pkg[field];
    if (!deps) continue;
    out[field] = Object.fromEntries(
      Object.entries(deps).map(([name, range]) => [
        name,
        range.startsWith('workspace:') ? rangeFor(name) : range,
      ]),
    );
  }
  return out;
}
