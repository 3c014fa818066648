// pnpm check:starters — renders every recipe into a temporary directory and fails, printing a
// diff, when starters/<recipe> is not exactly that output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatorsRoot, startersRoot } from '../paths.js';
import { compareStarter, fileDiff, isClean } from '../starters/compare.js';
import { renderStarters } from '../starters/render-starters.js';

const tmp = mkdtempSync(join(tmpdir(), 'shipml-check-starters-'));
try {
  const runs = await renderStarters(generatorsRoot, tmp);
  let dirty = 0;
  for (const run of runs) {
    if (run.failures.length > 0) {
      dirty++;
      for (const f of run.failures) console.error(`✖ ${run.recipe}: cannot render: ${f.error}`);
      continue;
    }
    const diff = compareStarter(run.recipe, tmp, startersRoot);
    if (isClean(diff)) {
      console.log(`✔ starters/${run.recipe} matches generators/recipes/${run.recipe}`);
      continue;
    }
    dirty++;
    console.error(`✖ starters/${run.recipe} differs from what generators/recipes/${run.recipe} renders:`);
    for (const f of diff.missing) console.error(`  missing: ${f}`);
    for (const f of diff.extra) console.error(`  not made by the recipe: ${f}`);
    for (const f of diff.changed) {
      console.error(`  changed: ${f}`);
      console.error(fileDiff(join(tmp, run.recipe, f), join(startersRoot, run.recipe, f)));
    }
  }
  if (dirty > 0) {
    console.error(
      `${dirty} starter${dirty === 1 ? '' : 's'} out of date. Edit the recipe under generators/recipes/, ` +
        'then run `pnpm generate:starters` (hand edits to starters/ are overwritten).',
    );
    process.exitCode = 1;
  } else {
    console.log(`${runs.length} starter${runs.length === 1 ? '' : 's'} up to date`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
