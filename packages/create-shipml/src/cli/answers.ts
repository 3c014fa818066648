import { basename, resolve } from 'node:path';
import * as p from '@clack/prompts';
import { parseHubRepo } from '@shipml/models';
import { UsageError } from '../errors.js';
import type { PackageManager } from '../package-manager.js';
import type { Starter } from '../template/starters.js';
import type { CliArgs } from './args.js';
import { assertValidProjectName } from './project-name.js';

/** Everything the pipeline needs, from flags, prompts or defaults. */
export interface Answers {
  dir: string;
  recipe: Starter;
  model: string;
  pm: PackageManager;
  install: boolean;
  git: boolean;
}

export const DEFAULT_DIR = 'shipml-app';

/** The recipe `--yes` picks: the licence-plate reader when present, else the first one. */
export function defaultRecipe(recipes: Starter[]): Starter {
  return recipes.find((r) => r.name === 'license-plate') ?? recipes[0]!;
}

function unwrap<T>(value: T | symbol): T {
  if (p.isCancel(value)) throw new UsageError('Cancelled: nothing was written.');
  return value;
}

function missingFlagsError(missing: string[], recipes: Starter[]): UsageError {
  return new UsageError(
    [
      `No terminal to ask in, and ${missing.join(' and ')} ${missing.length > 1 ? 'were' : 'was'} not given.`,
      'Pass them as flags, or --yes to take the defaults:',
      '  pnpm create shipml <dir> --recipe <name> [--model <id>] [--pm pnpm|npm|yarn] [--no-install] [--no-git]',
      `Recipes: ${recipes.map((r) => r.name).join(', ')}.`,
    ].join('\n'),
  );
}

/**
 * Fills in what the flags leave open: prompts on a terminal, defaults with `--yes`, and
 * without a terminal a UsageError that lists the flags (never a prompt that waits forever).
 */
export async function collectAnswers(
  args: CliArgs,
  recipes: Starter[],
  ctx: { interactive: boolean; detectedPm: PackageManager; cwd: string },
): Promise<Answers> {
  const ask = ctx.interactive && !args.yes;
  if (!ask && !args.yes) {
    const missing = [
      args.dir === undefined && 'the directory',
      args.recipe === undefined && '--recipe',
    ];
    const names = missing.filter((m): m is string => Boolean(m));
    if (names.length > 0) throw missingFlagsError(names, recipes);
  }
  if (ask) p.intro('create-shipml');

  const dir =
    args.dir ??
    (ask
      ? unwrap(
          await p.text({
            message: 'Where should the app go?',
            placeholder: DEFAULT_DIR,
            defaultValue: DEFAULT_DIR,
            validate: (v) => {
              try {
                assertValidProjectName(basename(resolve(ctx.cwd, v || DEFAULT_DIR)));
              } catch (err) {
                return (err as Error).message;
              }
              return undefined;
            },
          }),
        )
      : DEFAULT_DIR);

  const recipeName =
    args.recipe ??
    (ask
      ? unwrap(
          await p.select({
            message: 'Which starter?',
            options: recipes.map((r) => ({ value: r.name, label: r.title, hint: r.description })),
            initialValue: defaultRecipe(recipes).name,
          }),
        )
      : defaultRecipe(recipes).name);
  const recipe = recipes.find((r) => r.name === recipeName);
  if (!recipe) {
    throw new UsageError(
      `Unknown recipe "${recipeName}". Available: ${recipes.map((r) => r.name).join(', ')}.`,
    );
  }

  const model =
    args.model ??
    (ask && recipe.models.length > 1
      ? unwrap(
          await p.select({
            message: 'Which model?',
            options: recipe.models.map((m) => ({ value: m.id, label: m.id, hint: m.description })),
            initialValue: recipe.defaultModel,
          }),
        )
      : recipe.defaultModel);
  const hubRepo = recipe.hubModel !== undefined && parseHubRepo(model) !== undefined;
  if (!hubRepo && !recipe.models.some((m) => m.id === model)) {
    const hub = recipe.hubModel
      ? `, or a Hugging Face hub repo <owner>/<name>[@revision] with ${recipe.hubModel.files.join(', ')}`
      : '';
    throw new UsageError(
      `Recipe "${recipe.name}" has no model "${model}". Available: ${recipe.models.map((m) => m.id).join(', ')}${hub}.`,
    );
  }

  const pm = args.pm ?? ctx.detectedPm;
  const install =
    args.install ??
    (ask
      ? unwrap(await p.confirm({ message: `Install dependencies with ${pm}?`, initialValue: true }))
      : true);
  const git =
    args.git ??
    (ask
      ? unwrap(await p.confirm({ message: 'Create a git repository?', initialValue: true }))
      : true);
  return { dir, recipe, model, pm, install, git };
}
