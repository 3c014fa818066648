import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  createFiles,
  loadStarter,
  namesTheApp,
  publishedRanges,
  trackedFiles,
  walkFiles,
} from 'create-shipml';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import { SOURCE_STARTER, startersRoot } from '../paths.js';
import { registerRecipeGenerator } from '../plop/recipe-generator.js';

/** A throw-away root holding a copy of the smallest starter (its tracked files) and an empty docs folder. */
function fixtureRoot() {
  const base = mkdtempSync(join(tmpdir(), 'shipml-gen-test-'));
  const paths = {
    startersRoot: join(base, 'starters'),
    docsRoot: join(base, 'docs', 'starters'),
    source: SOURCE_STARTER,
  };
  const real = join(startersRoot, SOURCE_STARTER);
  for (const rel of trackedFiles(real)) {
    const dest = join(paths.startersRoot, SOURCE_STARTER, rel);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(real, rel), dest);
  }
  return paths;
}

async function generator(paths: ReturnType<typeof fixtureRoot>) {
  const plop = await nodePlop(undefined, { destBasePath: paths.startersRoot, force: false });
  registerRecipeGenerator(plop, paths);
  return plop.getGenerator('recipe');
}

const answers = {
  name: 'sentiment',
  title: 'Sentiment & tone',
  description: 'Is this review happy or sad? A "small" model says.',
};

describe('pnpm gen recipe <name> (plop, no terminal)', () => {
  it('copies the smallest starter under the new names and writes a docs page pointing at its README', async () => {
    const paths = fixtureRoot();
    const { changes, failures } = await (await generator(paths)).runActions(answers);
    expect(failures).toEqual([]);
    expect(changes).toHaveLength(2);

    const source = join(paths.startersRoot, SOURCE_STARTER);
    const dir = join(paths.startersRoot, 'sentiment');
    const files = walkFiles(dir);
    expect(files).toEqual(trackedFiles(source));

    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const before = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    expect(pkg).toEqual({
      ...before,
      name: '@shipml/starter-sentiment',
      description: answers.description,
      shipml: { ...before.shipml, title: answers.title },
    });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme.split('\n').slice(0, 3)).toEqual([`# ${answers.title}`, '', answers.description]);
    expect(readme).not.toContain(`starter-${SOURCE_STARTER}`);
    expect(readme).not.toContain(`--recipe ${SOURCE_STARTER}`);
    expect(readme).not.toMatch(new RegExp(`(?<![\\w-])${SOURCE_STARTER}(?![\\w-])`));
    const manifest = readFileSync(join(dir, 'deploy/k8s/app.yaml'), 'utf8');
    expect(manifest).toContain('name: sentiment');
    expect(manifest).not.toMatch(new RegExp(`(?<![\\w-])${SOURCE_STARTER}(?![\\w-])`));
    const html = readFileSync(join(dir, 'web/index.html'), 'utf8');
    expect(html).toContain('<title>Sentiment &amp; tone</title>');
    // Prettier picks the quotes: compare the attribute's value, not its spelling.
    const meta = /name="description"\s+content=(?:"([^"]*)"|'([^']*)')/.exec(html);
    expect((meta?.[1] ?? meta?.[2])?.replaceAll('&quot;', '"')).toBe(answers.description);

    const renamed = new Set(['package.json', 'README.md', 'web/index.html']);
    for (const rel of files.filter((f) => !renamed.has(f) && !namesTheApp(f))) {
      const copy = readFileSync(join(dir, rel));
      const original = readFileSync(join(source, rel));
      const expected = original.includes(0)
        ? original
        : Buffer.from(
            original
              .toString('utf8')
              .replaceAll(`@shipml/starter-${SOURCE_STARTER}`, '@shipml/starter-sentiment'),
          );
      expect(copy.equals(expected), rel).toBe(true);
    }

    const docs = readFileSync(join(paths.docsRoot, 'sentiment.md'), 'utf8');
    expect(docs).toMatch(/^# Sentiment & tone\n/);
    const link = /\]\((\.\.\/\.\.\/starters\/sentiment\/README\.md)\)/.exec(docs)?.[1];
    expect(readFileSync(join(paths.docsRoot, link!), 'utf8')).toBe(readme);
  });

  it('makes a starter create-shipml can create an app from', async () => {
    const paths = fixtureRoot();
    await (await generator(paths)).runActions(answers);
    const starter = loadStarter(join(paths.startersRoot, 'sentiment'), 'sentiment');
    expect(starter.title).toBe(answers.title);
    const files = createFiles({
      starter,
      packageName: 'my-app',
      model: starter.defaultModel,
      pm: 'npm',
      createdWith: '0.0.0',
      shipmlRange: (name) => `^1.0.0-${name}`,
    });
    const pkg = JSON.parse(files.find((f) => f.path === 'package.json')!.contents.toString());
    expect(pkg.shipml).toMatchObject({ title: answers.title, recipe: 'sentiment' });
    expect(() =>
      createFiles({
        ...{ starter, packageName: 'x', model: starter.defaultModel, pm: 'pnpm', createdWith: '0' },
        shipmlRange: publishedRanges({}),
      }),
    ).toThrow(/No published version/);
  });

  it('refuses a name that is not kebab-case or already taken, and never overwrites', async () => {
    const paths = fixtureRoot();
    const gen = await generator(paths);
    const [namePrompt] = gen.prompts as { validate: (v: string) => unknown }[];
    expect(namePrompt!.validate('Bad Name')).toMatch(/lower-case/);
    expect(namePrompt!.validate(SOURCE_STARTER)).toMatch(/already exists/);
    expect(namePrompt!.validate('text-to-speech')).toBe(true);
    await gen.runActions(answers);
    expect(namePrompt!.validate('sentiment')).toMatch(/already exists/);
    const again = await gen.runActions(answers);
    expect(again.failures[0]?.error).toMatch(/already exists/);
  });
});
