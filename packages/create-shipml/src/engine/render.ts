import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateError } from '../errors.js';
import type { RenderTarget } from './dependencies.js';
import { listFiles, outputPath } from './files.js';
import { formatFile, parserFor } from './format.js';
import {
  loadLayer,
  loadRecipe,
  resolveOptions,
  type PackageContribution,
  type RecipeManifest,
  type RecipeOptions,
} from './manifest.js';
import { buildPackageJson } from './package-json.js';
import { createTemplateRenderer } from './templates.js';

/** What to render. */
export interface RenderRequest {
  /** Directory holding `recipes/` and `shared/` (generators/ in the monorepo, templates/ in the package). */
  root: string;
  recipe: string;
  /** Missing options take the recipe's defaults. */
  options?: Partial<RecipeOptions>;
  target: RenderTarget;
  /** package.json name; default `@shipml/starter-<recipe>`. */
  packageName?: string;
  /** `@shipml/*` package → published version; needed for `standalone`. */
  shipmlVersions?: Readonly<Record<string, string>>;
  /** Recorded in a standalone app's package.json. */
  generatorVersion?: string;
  /** The package manager the README's commands use; default pnpm. */
  packageManager?: PackageManager;
}

/** Package managers a generated app's README can speak. */
export type PackageManager = 'pnpm' | 'npm' | 'yarn';

/** How to run a package.json script with each package manager (`pnpm dev`, `npm run dev`). */
export const RUN_SCRIPT: Readonly<Record<PackageManager, string>> = {
  pnpm: 'pnpm',
  npm: 'npm run',
  yarn: 'yarn',
};

/** One output file: POSIX path relative to the project root, and its bytes. */
export interface RenderedFile {
  path: string;
  contents: Buffer;
}

/** A composable step of a recipe: one shared layer, the recipe's own templates, or package.json. */
export interface RenderStep {
  /** `layer:<name>`, `recipe:<name>` or `package.json`. */
  name: string;
  /** The files this step writes (a later step's file of the same path wins). */
  files: RenderedFile[];
}

export interface RenderResult {
  recipe: RecipeManifest;
  options: RecipeOptions;
  steps: RenderStep[];
  /** All files, sorted by path. */
  files: RenderedFile[];
}

/**
 * Renders a recipe in memory: the shared layers it names, then its own templates (a recipe
 * file replaces a layer file of the same path), then package.json. `.hbs` files go through
 * Handlebars, other files are copied byte for byte, and every text file Prettier knows is
 * formatted, so the output is the same however a template is indented.
 *
 * This one function feeds both the plop generators (monorepo starters) and create-shipml
 * (standalone apps); the only difference between the two is `target`.
 */
export async function renderRecipe(req: RenderRequest): Promise<RenderResult> {
  const recipe = loadRecipe(req.root, req.recipe);
  const options = resolveOptions(recipe, req.options);
  const packageName = req.packageName ?? `@shipml/starter-${recipe.name}`;
  const model = recipe.models.find((m) => m.id === options.model)!;
  const context = {
    packageName,
    recipe,
    options,
    model,
    target: req.target,
    standalone: req.target === 'standalone',
    pm: req.packageManager ?? 'pnpm',
    run: RUN_SCRIPT[req.packageManager ?? 'pnpm'],
  };
  const render = createTemplateRenderer(req.root);

  const sources: { name: string; dir: string }[] = recipe.layers.map((layer) => ({
    name: `layer:${layer}`,
    dir: join(req.root, 'shared', 'layers', layer, 'files'),
  }));
  sources.push({
    name: `recipe:${recipe.name}`,
    dir: join(req.root, 'recipes', recipe.name, 'templates'),
  });
  const contributions: PackageContribution[] = recipe.layers.map((l) => loadLayer(req.root, l));
  contributions.push(recipe);

  const winner = new Map<string, string>(); // output path → step name
  const rendered = new Map<string, { step: string; file: RenderedFile }[]>();
  for (const source of sources) {
    const files: { step: string; file: RenderedFile }[] = [];
    for (const rel of listFiles(source.dir)) {
      const { path, isTemplate } = outputPath(rel);
      if (path === 'package.json') {
        throw new TemplateError(
          `${source.name}: package.json is generated; declare dependencies in the manifest.`,
        );
      }
      const raw = readFileSync(join(source.dir, rel));
      const text = isTemplate
        ? render(raw.toString('utf8'), context, `${source.name}/${rel}`)
        : undefined;
      const contents =
        text !== undefined || parserFor(path)
          ? Buffer.from(await formatFile(path, text ?? raw.toString('utf8')))
          : raw;
      files.push({ step: source.name, file: { path, contents } });
      winner.set(path, source.name);
    }
    rendered.set(source.name, files);
  }

  const steps: RenderStep[] = sources.map((s) => ({
    name: s.name,
    files: (rendered.get(s.name) ?? [])
      .filter((f) => winner.get(f.file.path) === s.name)
      .map((f) => f.file),
  }));
  const packageJson = buildPackageJson({
    recipe,
    contributions,
    target: req.target,
    packageName,
    options,
    shipmlVersions: req.shipmlVersions,
    generatorVersion: req.generatorVersion,
  });
  steps.push({
    name: 'package.json',
    files: [
      {
        path: 'package.json',
        contents: Buffer.from(await formatFile('package.json', packageJson)),
      },
    ],
  });
  const files = steps.flatMap((s) => s.files).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { recipe, options, steps, files };
}
