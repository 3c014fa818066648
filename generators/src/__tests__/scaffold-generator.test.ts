import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectFiles as listFiles } from '../starters/project-files.js';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import { generatorsRoot } from '../paths.js';
import { registerRecipeGenerators } from '../plop/recipe-generator.js';
import { registerScaffoldGenerator } from '../plop/scaffold-generator.js';
import { copyGeneratorsRoot } from './fixture-root.js';

async function scaffold(answers: Record<string, string>) {
  const paths = copyGeneratorsRoot();
  const plop = await nodePlop(undefined, { destBasePath: paths.root, force: false });
  registerRecipeGenerators(plop, paths);
  registerScaffoldGenerator(plop, { ...paths, scaffold: join(paths.root, 'scaffold') });
  const result = await plop.getGenerator('recipe').runActions(answers);
  return { ...paths, ...result };
}

describe('pnpm gen recipe <name>', () => {
  it('scaffolds templates, manifest, docs page and a rendered starter', async () => {
    const { root, outRoot, docsRoot, failures, changes } = await scaffold({
      name: 'sentiment',
      title: 'Sentiment',
      description: 'Is this review happy or sad?',
    });
    expect(failures).toEqual([]);
    expect(changes).toHaveLength(4);
    const manifest = JSON.parse(readFileSync(join(root, 'recipes/sentiment/recipe.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'sentiment',
      title: 'Sentiment',
      description: 'Is this review happy or sad?',
      options: { model: { default: 'celsius-to-fahrenheit' } },
    });
    expect(readFileSync(join(docsRoot, 'sentiment.md'), 'utf8')).toMatch(/^# Sentiment\n/);
    const starter = listFiles(join(outRoot, 'sentiment'));
    expect(starter).toEqual(
      expect.arrayContaining([
        'package.json',
        'models.json',
        'models/celsius-to-fahrenheit.onnx',
        'server/routes.test.ts',
        'e2e/app.e2e.test.ts',
        'web/app.tsx',
      ]),
    );
    const pkg = JSON.parse(readFileSync(join(outRoot, 'sentiment/package.json'), 'utf8'));
    expect(pkg.name).toBe('@shipml/starter-sentiment');
  });

  it('refuses a name that is not kebab-case or already taken', async () => {
    const paths = copyGeneratorsRoot();
    const plop = await nodePlop(undefined, { destBasePath: paths.root, force: false });
    registerScaffoldGenerator(plop, { ...paths, scaffold: join(paths.root, 'scaffold') });
    const [namePrompt] = plop.getGenerator('recipe').prompts as {
      validate: (v: string) => unknown;
    }[];
    expect(namePrompt!.validate('Bad Name')).toMatch(/lower-case/);
    expect(namePrompt!.validate('minimal')).toMatch(/already exists/);
    expect(namePrompt!.validate('text-to-speech')).toBe(true);
  });

  it('made the committed minimal recipe: its templates are still the blueprint, byte for byte', () => {
    // The minimal recipe is `pnpm gen recipe minimal`, and its starter runs in `pnpm test`:
    // that proves a freshly scaffolded recipe passes the test suite.
    const blueprint = join(generatorsRoot, 'scaffold/templates');
    const minimal = join(generatorsRoot, 'recipes/minimal/templates');
    expect(listFiles(minimal)).toEqual(listFiles(blueprint));
    for (const file of listFiles(blueprint)) {
      expect(readFileSync(join(minimal, file)), file).toEqual(readFileSync(join(blueprint, file)));
    }
  });
});
