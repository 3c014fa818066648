import type { PackageJson } from './package-json.js';

/**
 * Transform "local links" (`--local` only): `resolutions` sends every `@shipml/*` package of the
 * checkout (`links`: name → `file:` range) to that checkout, including the ones the app only gets
 * through another `@shipml` package. pnpm and Yarn install a `file:` package with its
 * package.json as the checkout has it, where the packages link each other with `workspace:`
 * ranges that only the monorepo resolves; both read `resolutions`. npm links the folder itself
 * and needs nothing.
 */
export function resolveShipmlLocally(pkg: PackageJson, links: Record<string, string>): PackageJson {
  const shipml = Object.entries(links).filter(([name]) => name.startsWith('@shipml/'));
  return { ...pkg, resolutions: { ...(pkg.resolutions as object), ...Object.fromEntries(shipml) } };
}
