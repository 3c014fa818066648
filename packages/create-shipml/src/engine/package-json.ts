import { dependencyRange, type RenderTarget } from './dependencies.js';
import type { PackageContribution, RecipeManifest, RecipeOptions } from './manifest.js';
import { NODE_ENGINES } from './versions.js';

/** Inputs for the generated app's package.json. */
export interface PackageJsonInput {
  recipe: RecipeManifest;
  /** Contributions in the order they apply: the recipe's layers, then the recipe itself. */
  contributions: PackageContribution[];
  target: RenderTarget;
  packageName: string;
  options: RecipeOptions;
  /** `@shipml/*` package → published version (standalone only). */
  shipmlVersions?: Readonly<Record<string, string>>;
  /** create-shipml's version, recorded in a standalone app for future upgrades. */
  generatorVersion?: string;
}

function ranges(names: Iterable<string>, input: PackageJsonInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...new Set(names)].sort()) {
    out[name] = dependencyRange(name, input.target, input.shipmlVersions);
  }
  return out;
}

/**
 * Builds package.json from the layers' and the recipe's contributions. Versions are never
 * written by a template: `dependencyRange` decides each one. A standalone app also records
 * `shipml: { version, recipe, options }` so a later version of create-shipml can upgrade it.
 */
export function buildPackageJson(input: PackageJsonInput): string {
  const scripts: Record<string, string> = {};
  const deps: string[] = [];
  const devDeps: string[] = [];
  for (const c of input.contributions) {
    Object.assign(scripts, c.scripts);
    deps.push(...(c.dependencies ?? []));
    devDeps.push(...(c.devDependencies ?? []));
  }
  const runtime = new Set(deps);
  const pkg: Record<string, unknown> = {
    name: input.packageName,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: input.recipe.description,
    engines: { node: NODE_ENGINES },
    scripts,
    dependencies: ranges(runtime, input),
    devDependencies: ranges(
      devDeps.filter((d) => !runtime.has(d)),
      input,
    ),
  };
  if (input.target === 'standalone') {
    pkg.shipml = {
      version: input.generatorVersion ?? '0.0.0',
      recipe: input.recipe.name,
      options: input.options,
    };
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
