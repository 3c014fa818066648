import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStarters } from '../starters/check-starters.js';
import { renderStarters } from '../starters/render-starters.js';
import { copyGeneratorsRoot } from './fixture-root.js';

describe('checkStarters', () => {
  it('passes on fresh output and fails, with a diff, on a hand edit, an extra and a missing file', async () => {
    const { root, outRoot } = copyGeneratorsRoot();
    const runs = await renderStarters(root, outRoot);
    expect(runs.map((r) => r.failures)).toEqual(runs.map(() => []));
    const log: string[] = [];
    expect(
      await checkStarters(
        root,
        outRoot,
        (l) => log.push(l),
        (l) => log.push(l),
      ),
    ).toBe(0);

    const starter = join(outRoot, 'minimal');
    appendFileSync(join(starter, 'server/routes.ts'), '// edited by hand\n');
    writeFileSync(join(starter, 'notes.txt'), 'mine');
    rmSync(join(starter, 'web/styles.css'));
    const out: string[] = [];
    expect(
      await checkStarters(
        root,
        outRoot,
        () => {},
        (l) => out.push(l),
      ),
    ).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('changed: server/routes.ts');
    expect(text).toContain('+// edited by hand');
    expect(text).toContain('not made by the recipe: notes.txt');
    expect(text).toContain('missing: web/styles.css');

    // generate:starters puts it right again, deleting what the recipe does not make.
    await renderStarters(root, outRoot);
    expect(
      await checkStarters(
        root,
        outRoot,
        () => {},
        () => {},
      ),
    ).toBe(0);
    expect(readFileSync(join(starter, 'server/routes.ts'), 'utf8')).not.toContain('edited by hand');
  });

  it('sees a change in a recipe template as a difference until starters are regenerated', async () => {
    const { root, outRoot } = copyGeneratorsRoot();
    await renderStarters(root, outRoot);
    const template = join(root, 'shared/layers/server/files/server/main.ts');
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace('default 3000', 'default 3000 (dev: 3000 too)'),
    );
    const out: string[] = [];
    expect(
      await checkStarters(
        root,
        outRoot,
        () => {},
        (l) => out.push(l),
      ),
    ).toBe(1);
    expect(out.join('\n')).toContain('changed: server/main.ts');
  });
});
