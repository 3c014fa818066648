// pnpm generate:starters — re-renders every recipe, with its default options, into starters/<recipe>.
import { generatorsRoot, startersRoot } from '../paths.js';
import { renderStarters } from '../starters/render-starters.js';

const runs = await renderStarters(generatorsRoot, startersRoot);
let failed = false;
for (const run of runs) {
  for (const change of run.changes) console.log(`✔ ${run.recipe}: ${change.path}`);
  for (const failure of run.failures) {
    failed = true;
    console.error(`✖ ${run.recipe}: ${failure.path} ${failure.error}`);
  }
}
console.log(`${runs.length} starter${runs.length === 1 ? '' : 's'} rendered into ${startersRoot}`);
process.exitCode = failed ? 1 : 0;
