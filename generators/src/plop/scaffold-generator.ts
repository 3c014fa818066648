import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomActionConfig, NodePlopAPI } from 'node-plop';
import { recipeSteps, writeStep, type RecipeGeneratorPaths } from './recipe-generator.js';

/** Where the `recipe` generator reads its blueprint and writes the new recipe, starter and docs page. */
export interface ScaffoldPaths extends RecipeGeneratorPaths {
  /** Holds recipe.json.hbs, docs-page.md.hbs and templates/ (generators/scaffold). */
  scaffold: string;
  /** Docs pages go to `<docsRoot>/<name>.md` (docs/starters). */
  docsRoot: string;
}

/** Recipe names: kebab-case, so they work as directory, package and URL names. */
export const RECIPE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function titleOf(name: string): string {
  const text = name.replace(/-/g, ' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

/**
 * The `recipe` generator for maintainers: `pnpm gen recipe <name>` copies the blueprint (a
 * working app around a tiny ONNX model) into `recipes/<name>/templates`, writes the manifest
 * and a docs page, and renders the new starter, which passes its tests before anything is
 * changed.
 */
export function registerScaffoldGenerator(plop: NodePlopAPI, paths: ScaffoldPaths): void {
  plop.setHelper('json', (value: unknown) => JSON.stringify(value));
  plop.setActionType('shipml:blueprint', (answers, config: CustomActionConfig<string>) => {
    const dest = join(paths.root, 'recipes', String(answers.name), 'templates');
    // Copied byte for byte: the blueprint's .hbs files are rendered later, with each app's options.
    cpSync(join(paths.scaffold, 'templates'), dest, {
      recursive: true,
      errorOnExist: true,
      force: false,
    });
    return `${config.type} → ${dest}`;
  });
  plop.setActionType('shipml:render-new', async (answers, config) => {
    const name = String(answers.name);
    // The same steps `pnpm gen <name>` runs, with the recipe's default options.
    const data = {};
    for (const step of recipeSteps(name, paths)) await writeStep(data, name, step, paths);
    return `${config.type} → ${join(paths.outRoot, name)}`;
  });

  plop.setGenerator('recipe', {
    description:
      'Scaffold a new recipe (templates, manifest, model, tests, docs page) and its starter',
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: 'Recipe name (kebab-case, e.g. "sentiment")',
        validate: (value: string) => {
          if (!RECIPE_NAME.test(value)) return 'Use lower-case letters, digits and single dashes.';
          if (existsSync(join(paths.root, 'recipes', value)))
            return `recipes/${value} already exists.`;
          return true;
        },
      },
      {
        type: 'input',
        name: 'title',
        message: 'Title',
        default: (answers: { name: string }) => titleOf(answers.name),
      },
      {
        type: 'input',
        name: 'description',
        message: 'One-sentence description',
        default: (answers: { title: string }) =>
          `${answers.title}: a pretrained model served by @shipml/serve, with a React page and browser tests.`,
      },
    ],
    actions: [
      { type: 'shipml:blueprint', abortOnFail: true },
      {
        type: 'add',
        path: join(paths.root, 'recipes', '{{name}}', 'recipe.json'),
        templateFile: join(paths.scaffold, 'recipe.json.hbs'),
        abortOnFail: true,
      },
      {
        type: 'add',
        path: join(paths.docsRoot, '{{name}}.md'),
        templateFile: join(paths.scaffold, 'docs-page.md.hbs'),
        abortOnFail: true,
      },
      { type: 'shipml:render-new', abortOnFail: true },
    ],
  });
}
