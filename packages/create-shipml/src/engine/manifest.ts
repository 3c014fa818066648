import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateError, UnknownRecipeError } from '../errors.js';

/** What a recipe or a shared layer adds to the generated package.json. */
export interface PackageContribution {
  /** Runtime dependency names; versions come from `dependencyRange`. */
  dependencies?: string[];
  /** Development dependency names; versions come from `dependencyRange`. */
  devDependencies?: string[];
  /** npm scripts; a recipe's script replaces a layer's script of the same name. */
  scripts?: Record<string, string>;
}

/** A model a recipe can be generated with (the `--model` choices). */
export interface RecipeModel {
  /**
   * Model id: an entry of the starter's models.json, or a name for the set of entries the app
   * serves together (`ppocr-v4`: a text detector and a recogniser).
   */
  id: string;
  description: string;
}

/** `generators/recipes/<name>/recipe.json`. */
export interface RecipeManifest extends PackageContribution {
  /** kebab-case; the starter lives in `starters/<name>`, package `@shipml/starter-<name>`. */
  name: string;
  /** Human title, e.g. "Licence-plate reader". */
  title: string;
  /** One sentence, shown in prompts and used as the package description. */
  description: string;
  /** Shared layers (`generators/shared/layers/<layer>`), applied in order before the recipe's templates. */
  layers: string[];
  /** The models the recipe can be generated with; at least one. */
  models: RecipeModel[];
  options: {
    /** Default model id; must be one of `models`. */
    model: { default: string };
  };
}

/** `generators/shared/layers/<layer>/layer.json`. */
export interface LayerManifest extends PackageContribution {
  description: string;
}

/** The choices a recipe is rendered with. */
export interface RecipeOptions {
  /** Model id, one of the recipe's `models`. */
  model: string;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new TemplateError(`Cannot read ${path}: ${(err as Error).message}`);
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function checkContribution(where: string, m: Record<string, unknown>): void {
  for (const key of ['dependencies', 'devDependencies'] as const) {
    if (m[key] !== undefined && !isStringArray(m[key])) {
      throw new TemplateError(`${where}: "${key}" must be a list of package names.`);
    }
  }
  const scripts = m.scripts;
  if (
    scripts !== undefined &&
    (typeof scripts !== 'object' ||
      scripts === null ||
      Object.values(scripts).some((v) => typeof v !== 'string'))
  ) {
    throw new TemplateError(`${where}: "scripts" must map script names to commands.`);
  }
}

/** Names of the recipes under `<root>/recipes`, sorted. */
export function listRecipes(root: string): string[] {
  const dir = join(root, 'recipes');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'recipe.json')))
    .map((e) => e.name)
    .sort();
}

/** Reads and validates `<root>/recipes/<name>/recipe.json`. */
export function loadRecipe(root: string, name: string): RecipeManifest {
  const path = join(root, 'recipes', name, 'recipe.json');
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(path)) {
    const known = listRecipes(root);
    throw new UnknownRecipeError(
      `Unknown recipe "${name}". Available: ${known.length ? known.join(', ') : '(none)'}.`,
    );
  }
  const m = readJson(path) as Record<string, unknown>;
  const where = `recipes/${name}/recipe.json`;
  for (const key of ['name', 'title', 'description'] as const) {
    if (typeof m[key] !== 'string' || !m[key]) {
      throw new TemplateError(`${where}: "${key}" must be a non-empty string.`);
    }
  }
  if (m.name !== name) throw new TemplateError(`${where}: "name" must be "${name}".`);
  if (!isStringArray(m.layers)) throw new TemplateError(`${where}: "layers" must be a list.`);
  const models = m.models as RecipeModel[] | undefined;
  if (
    !Array.isArray(models) ||
    models.length === 0 ||
    models.some((x) => typeof x?.id !== 'string')
  ) {
    throw new TemplateError(`${where}: "models" must list at least one { id, description }.`);
  }
  const options = m.options as RecipeManifest['options'] | undefined;
  const defaultModel = options?.model?.default;
  if (!defaultModel || !models.some((x) => x.id === defaultModel)) {
    throw new TemplateError(
      `${where}: "options.model.default" must be one of the recipe's models.`,
    );
  }
  checkContribution(where, m);
  return m as unknown as RecipeManifest;
}

/** Reads `<root>/shared/layers/<name>/layer.json`. */
export function loadLayer(root: string, name: string): LayerManifest {
  const path = join(root, 'shared', 'layers', name, 'layer.json');
  if (!existsSync(path)) throw new TemplateError(`Unknown shared layer "${name}".`);
  const m = readJson(path) as Record<string, unknown>;
  checkContribution(`shared/layers/${name}/layer.json`, m);
  return m as unknown as LayerManifest;
}

/** Fills in defaults and checks the choices against the recipe. */
export function resolveOptions(
  recipe: RecipeManifest,
  given: Partial<RecipeOptions> = {},
): RecipeOptions {
  const model = given.model ?? recipe.options.model.default;
  if (!recipe.models.some((m) => m.id === model)) {
    throw new UnknownRecipeError(
      `Recipe "${recipe.name}" has no model "${model}". Available: ${recipe.models.map((m) => m.id).join(', ')}.`,
    );
  }
  return { model };
}
