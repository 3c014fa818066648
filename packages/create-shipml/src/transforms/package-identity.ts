import type { PackageJson } from './package-json.js';

/** Who the created app is and where it came from. */
export interface PackageIdentity {
  /** The app's package name (its directory's name). */
  name: string;
  /** The recipe it was created from: the starter's folder name. */
  recipe: string;
  /** The create-shipml version that created it, for later upgrades. */
  createdWith: string;
}

/**
 * Transform "package name": the starter's `@shipml/starter-<recipe>` becomes the app's own
 * name, and the `shipml` facts gain `recipe` and `createdWith`.
 */
export function setPackageIdentity(pkg: PackageJson, id: PackageIdentity): PackageJson {
  return {
    ...pkg,
    name: id.name,
    shipml: { ...pkg.shipml, recipe: id.recipe, createdWith: id.createdWith },
  };
}
