import type { NodePlopAPI } from 'node-plop';
import { generatorsRoot, repoRoot, startersRoot } from './src/paths.js';
import { registerRecipeGenerators } from './src/plop/recipe-generator.js';
import { registerScaffoldGenerator } from './src/plop/scaffold-generator.js';

// `pnpm gen`            pick a generator
// `pnpm gen <recipe>`   re-render one starter into starters/<recipe>
// `pnpm gen recipe foo` scaffold a new recipe, its starter and its docs page
export default function plopfile(plop: NodePlopAPI): void {
  const paths = { root: generatorsRoot, outRoot: startersRoot };
  registerRecipeGenerators(plop, paths);
  registerScaffoldGenerator(plop, {
    ...paths,
    scaffold: `${generatorsRoot}/scaffold`,
    docsRoot: `${repoRoot}/docs/starters`,
  });
}
