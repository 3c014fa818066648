import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listRecipes, loadRecipe, renderRecipe, type RenderResult } from 'create-shipml';
import type { ActionType, CustomActionConfig, NodePlopAPI } from 'node-plop';
import { projectFiles } from '../starters/project-files.js';

/** Where recipe generators read templates from and write starters to. */
export interface RecipeGeneratorPaths {
  /** The engine's template root: holds recipes/ and shared/ (generators/). */
  root: string;
  /** Each recipe renders into `<outRoot>/<recipe>` (starters/ in the monorepo). */
  outRoot: string;
}

interface StepConfig extends CustomActionConfig<'shipml:step'> {
  recipe: string;
  step: string;
  paths: RecipeGeneratorPaths;
}

// All steps of one run share one in-memory render (keyed by the answers object plop passes to each).
const renders = new WeakMap<object, Promise<RenderResult>>();

function renderFor(answers: Record<string, unknown>, recipe: string, paths: RecipeGeneratorPaths) {
  let result = renders.get(answers);
  if (!result) {
    result = renderRecipe({
      root: paths.root,
      recipe,
      options: { model: typeof answers.model === 'string' ? answers.model : undefined },
      target: 'workspace',
    });
    renders.set(answers, result);
  }
  return result;
}

/**
 * `shipml:step`: writes one step of a rendered recipe (a shared layer, the recipe's own
 * templates, or package.json). The first step also deletes files the recipe no longer makes,
 * so the output directory ends up exactly equal to the render.
 */
async function stepAction(answers: Record<string, unknown>, config: CustomActionConfig<string>) {
  const { recipe, step, paths } = config as StepConfig;
  return writeStep(answers, recipe, step, paths);
}

/** Writes one step of `recipe` rendered with `answers` (see `shipml:step`). */
export async function writeStep(
  answers: Record<string, unknown>,
  recipe: string,
  step: string,
  paths: RecipeGeneratorPaths,
): Promise<string> {
  const result = await renderFor(answers, recipe, paths);
  const outDir = join(paths.outRoot, recipe);
  if (step === result.steps[0]?.name) {
    const wanted = new Set(result.files.map((f) => f.path));
    for (const stale of projectFiles(outDir).filter((p) => !wanted.has(p))) {
      rmSync(join(outDir, stale));
    }
  }
  const files = result.steps.find((s) => s.name === step)?.files ?? [];
  for (const file of files) {
    mkdirSync(dirname(join(outDir, file.path)), { recursive: true });
    writeFileSync(join(outDir, file.path), file.contents);
  }
  return `${step} → ${files.length} file${files.length === 1 ? '' : 's'} in ${outDir}`;
}

/** Step names of a recipe, in the order they apply. */
export function recipeSteps(recipe: string, paths: RecipeGeneratorPaths): string[] {
  const manifest = loadRecipe(paths.root, recipe);
  return [...manifest.layers.map((l) => `layer:${l}`), `recipe:${recipe}`, 'package.json'];
}

/** The composable action set of a recipe: one action per shared layer, the recipe, package.json. */
export function recipeActions(recipe: string, paths: RecipeGeneratorPaths): ActionType[] {
  return recipeSteps(recipe, paths).map(
    (step) => ({ type: 'shipml:step', recipe, step, paths, abortOnFail: true }) as ActionType,
  );
}

/**
 * Registers one plop generator per recipe (`pnpm gen <recipe>`), each asking which model to
 * use when the recipe offers more than one.
 */
export function registerRecipeGenerators(plop: NodePlopAPI, paths: RecipeGeneratorPaths): void {
  plop.setActionType('shipml:step', stepAction);
  for (const name of listRecipes(paths.root)) {
    const manifest = loadRecipe(paths.root, name);
    plop.setGenerator(name, {
      description: `${manifest.title}: render the recipe into ${paths.outRoot}/${name}`,
      prompts: [
        {
          type: 'list',
          name: 'model',
          message: 'Model',
          choices: manifest.models.map((m) => ({ name: `${m.id}: ${m.description}`, value: m.id })),
          default: manifest.options.model.default,
          when: manifest.models.length > 1,
        },
      ],
      actions: recipeActions(name, paths),
    });
  }
}
