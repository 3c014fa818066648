import { listRecipes } from 'create-shipml';
import nodePlop from 'node-plop';
import { registerRecipeGenerators } from '../plop/recipe-generator.js';

export interface StarterRun {
  recipe: string;
  changes: { type: string; path: string }[];
  failures: { type: string; path: string; error: string; message: string }[];
}

/**
 * Renders every recipe with its default options into `<outRoot>/<recipe>`, through the same
 * plop generators `pnpm gen <recipe>` runs (no prompts: `runActions` with empty answers).
 */
export async function renderStarters(root: string, outRoot: string): Promise<StarterRun[]> {
  const plop = await nodePlop(undefined, { destBasePath: outRoot, force: true });
  registerRecipeGenerators(plop, { root, outRoot });
  const runs: StarterRun[] = [];
  for (const recipe of listRecipes(root)) {
    const { changes, failures } = await plop.getGenerator(recipe).runActions({});
    runs.push({ recipe, changes, failures });
  }
  return runs;
}
