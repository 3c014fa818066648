import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateError, UnknownRecipeError } from '../errors.js';

/** A model a starter can be created with (the `--model` choices). */
export interface StarterModel {
  /**
   * An entry id of the starter's models.json, or a name for the set of entries the app serves
   * together (`ppocr-v4`: a text detector and a recogniser).
   */
  id: string;
  description: string;
}

/**
 * What a Hugging Face hub repo must hold for this recipe to serve it (`shipml.hubModel`):
 * then `--model <owner>/<repo>[@revision]` takes any such repo, pinned when the app is created.
 */
export interface HubModelKind {
  /** The manifest runtime of such a model, e.g. `transformers`. */
  runtime: 'onnx' | 'tfjs' | 'transformers';
  /** The manifest task, e.g. `text-generation`. */
  task?: string;
  /** Paths every such repo has; the first is the main model file, e.g. `onnx/model.onnx`. */
  files: string[];
}

/** A starter's recipe facts: its folder name, and package.json's `description` and `shipml`. */
export interface Starter {
  /** The recipe name: the starter's folder name, kebab-case. */
  name: string;
  title: string;
  /** The package description: one sentence, shown in prompts and `--help`. */
  description: string;
  models: StarterModel[];
  /** The model the starter serves as it is; one of `models`. */
  defaultModel: string;
  /** Set when the recipe also serves hub repos of one kind (`--model owner/repo`). */
  hubModel?: HubModelKind;
  /** Absolute path of the template (or starter) directory. */
  dir: string;
}

const RECIPE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Reads and checks the recipe facts in `<dir>/package.json`; `name` is the folder name. */
export function loadStarter(dir: string, name: string): Starter {
  const where = `${name}/package.json`;
  let pkg: { description?: unknown; shipml?: Record<string, unknown> };
  try {
    pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof pkg;
  } catch (err) {
    throw new TemplateError(`Cannot read ${where}: ${(err as Error).message}`);
  }
  const facts = pkg.shipml ?? {};
  const { title, models, defaultModel } = facts;
  if (typeof pkg.description !== 'string' || !pkg.description) {
    throw new TemplateError(`${where}: "description" must be a non-empty string.`);
  }
  if (typeof title !== 'string' || !title) {
    throw new TemplateError(`${where}: "shipml.title" must be a non-empty string.`);
  }
  const list = models as StarterModel[] | undefined;
  if (!Array.isArray(list) || list.length === 0 || list.some((m) => typeof m?.id !== 'string')) {
    throw new TemplateError(
      `${where}: "shipml.models" must list at least one { id, description }.`,
    );
  }
  if (typeof defaultModel !== 'string' || !list.some((m) => m.id === defaultModel)) {
    throw new TemplateError(`${where}: "shipml.defaultModel" must be one of "shipml.models".`);
  }
  const hubModel = facts.hubModel as HubModelKind | undefined;
  if (
    hubModel !== undefined &&
    (!['onnx', 'tfjs', 'transformers'].includes(hubModel?.runtime) ||
      !Array.isArray(hubModel.files) ||
      hubModel.files.length === 0 ||
      hubModel.files.some((f) => typeof f !== 'string' || !f))
  ) {
    throw new TemplateError(
      `${where}: "shipml.hubModel" must be { runtime: "onnx"|"tfjs"|"transformers", task?, files: [main file, ...] }.`,
    );
  }
  const starter: Starter = {
    name,
    title,
    description: pkg.description,
    models: list,
    defaultModel,
    dir,
  };
  return hubModel ? { ...starter, hubModel } : starter;
}

/** The starters under `root` (one folder each with a package.json), sorted by name. */
export function listStarters(root: string): Starter[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'package.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => loadStarter(join(root, name), name));
}

/** The starter called `name` among `starters`; UnknownRecipeError naming the others if none. */
export function findStarter(starters: readonly Starter[], name: string): Starter {
  const found = RECIPE_NAME.test(name) ? starters.find((s) => s.name === name) : undefined;
  if (!found) {
    const known = starters.map((s) => s.name);
    throw new UnknownRecipeError(
      `Unknown recipe "${name}". Available: ${known.length ? known.join(', ') : '(none)'}.`,
    );
  }
  return found;
}
