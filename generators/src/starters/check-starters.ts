import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareStarter, fileDiff, isClean } from './compare.js';
import { renderStarters } from './render-starters.js';

/**
 * Renders every recipe under `root` into a temporary directory and compares each with
 * `<startersRoot>/<recipe>`. Reports through `log`/`warn` (with a diff per changed file) and
 * returns how many starters differ or failed to render.
 */
export async function checkStarters(
  root: string,
  startersRoot: string,
  log: (line: string) => void = console.log,
  warn: (line: string) => void = console.error,
): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), 'shipml-check-starters-'));
  try {
    const runs = await renderStarters(root, tmp);
    let dirty = 0;
    for (const run of runs) {
      if (run.failures.length > 0) {
        dirty++;
        for (const f of run.failures) warn(`✖ ${run.recipe}: cannot render: ${f.error}`);
        continue;
      }
      const diff = compareStarter(run.recipe, tmp, startersRoot);
      if (isClean(diff)) {
        log(`✔ starters/${run.recipe} matches generators/recipes/${run.recipe}`);
        continue;
      }
      dirty++;
      warn(`✖ starters/${run.recipe} differs from what generators/recipes/${run.recipe} renders:`);
      for (const f of diff.missing) warn(`  missing: ${f}`);
      for (const f of diff.extra) warn(`  not made by the recipe: ${f}`);
      for (const f of diff.changed) {
        warn(`  changed: ${f}`);
        warn(fileDiff(join(tmp, run.recipe, f), join(startersRoot, run.recipe, f)));
      }
    }
    if (dirty > 0) {
      warn(
        `${dirty} starter${dirty === 1 ? '' : 's'} out of date. Edit the recipe under generators/recipes/, ` +
          'then run `pnpm generate:starters` (hand edits to starters/ are overwritten).',
      );
    } else {
      log(`${runs.length} starter${runs.length === 1 ? '' : 's'} up to date`);
    }
    return dirty;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
