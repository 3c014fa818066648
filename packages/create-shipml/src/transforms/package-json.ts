/** A parsed package.json: the fields the transforms touch, everything else kept as it is. */
export interface PackageJson {
  name?: string;
  description?: string;
  shipml?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** The dependency fields of a package.json, in the order npm lays them out. */
export const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
] as const;

/** package.json text → object. */
export function parsePackageJson(text: string): PackageJson {
  return JSON.parse(text) as PackageJson;
}

/** Object → package.json text, laid out as npm and Prettier write it (two spaces, final newline). */
export function stringifyPackageJson(pkg: PackageJson): string {
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
