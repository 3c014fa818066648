import type { NodePlopAPI } from 'node-plop';
import { docsStartersRoot, SOURCE_STARTER, startersRoot } from './src/paths.js';
import { registerRecipeGenerator } from './src/plop/recipe-generator.js';

// `pnpm gen recipe <name>`: a new starter, copied from the smallest one, and its docs page.
export default function plopfile(plop: NodePlopAPI): void {
  registerRecipeGenerator(plop, {
    startersRoot,
    docsRoot: docsStartersRoot,
    source: SOURCE_STARTER,
  });
}
