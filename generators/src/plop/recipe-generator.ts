import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CustomActionConfig, NodePlopAPI } from 'node-plop';
import { copyStarter } from './copy-starter.js';
import { docsStub, type StarterNames } from './renames.js';

/** Where the `recipe` generator reads and writes. */
export interface RecipeGeneratorPaths {
  /** Holds one folder per starter (starters/). */
  startersRoot: string;
  /** Docs pages go to `<docsRoot>/<name>.md` (docs/starters). */
  docsRoot: string;
  /** The starter copied: the smallest one. */
  source: string;
}

/** Recipe names: kebab-case, so they work as folder, package and URL names. */
export const RECIPE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The title a recipe gets when none is given: its name in words, `text-to-speech` → "Text to speech". */
export function defaultTitle(name: string): string {
  const text = name.replace(/-/g, ' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

/** The description a recipe gets when none is given. */
export function defaultDescription(title: string): string {
  return `${title}: a pretrained model served by @shipml/serve, with a React page and browser tests.`;
}

function namesOf(answers: Record<string, unknown>): StarterNames {
  return {
    name: String(answers.name),
    title: String(answers.title),
    description: String(answers.description),
  };
}

/**
 * `pnpm gen recipe <name>`: copies the smallest starter (its git-tracked files) to
 * `starters/<name>` under the new names, and writes `docs/starters/<name>.md`, a stub that
 * points at the new starter's README. The copy passes its tests before anything is changed.
 */
export function registerRecipeGenerator(plop: NodePlopAPI, paths: RecipeGeneratorPaths): void {
  plop.setActionType('shipml:copy-starter', async (answers, config: CustomActionConfig<string>) => {
    const to = namesOf(answers);
    const files = await copyStarter(paths.startersRoot, paths.source, to);
    return `${config.type} → ${join(paths.startersRoot, to.name)} (${files.length} files)`;
  });
  plop.setActionType('shipml:docs-stub', (answers, config: CustomActionConfig<string>) => {
    const to = namesOf(answers);
    const file = join(paths.docsRoot, `${to.name}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, docsStub(to), { flag: 'wx' });
    return `${config.type} → ${file}`;
  });

  plop.setGenerator('recipe', {
    description: `A new starter: a renamed copy of starters/${paths.source}, and its docs page`,
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: 'Recipe name (kebab-case, e.g. "sentiment")',
        validate: (value: string) => {
          if (!RECIPE_NAME.test(value)) return 'Use lower-case letters, digits and single dashes.';
          if (existsSync(join(paths.startersRoot, value)))
            return `starters/${value} already exists.`;
          if (existsSync(join(paths.docsRoot, `${value}.md`)))
            return `docs/starters/${value}.md already exists.`;
          return true;
        },
      },
      {
        type: 'input',
        name: 'title',
        message: 'Title',
        default: (answers: { name: string }) => defaultTitle(answers.name),
      },
      {
        type: 'input',
        name: 'description',
        message: 'One-sentence description',
        default: (answers: { title: string }) => defaultDescription(answers.title),
      },
    ],
    actions: [
      { type: 'shipml:copy-starter', abortOnFail: true },
      { type: 'shipml:docs-stub', abortOnFail: true },
    ],
  });
}
