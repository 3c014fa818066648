import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import { registerRecipeGenerators } from '../plop/recipe-generator.js';
import { copyGeneratorsRoot } from './fixture-root.js';

async function plopFor(root: string, outRoot: string) {
  const plop = await nodePlop(undefined, { destBasePath: outRoot, force: true });
  registerRecipeGenerators(plop, { root, outRoot });
  return plop;
}

describe('recipe generators (plop, no terminal)', () => {
  it('registers one generator per recipe, made of one action per layer, the recipe and package.json', async () => {
    const { root, outRoot } = copyGeneratorsRoot();
    const plop = await plopFor(root, outRoot);
    expect(plop.getGeneratorList().map((g) => g.name)).toContain('minimal');

    const { changes, failures } = await plop.getGenerator('minimal').runActions({});
    expect(failures).toEqual([]);
    expect(changes.map((c) => c.path.split(' → ')[0])).toEqual([
      'layer:base',
      'layer:server',
      'layer:web',
      'layer:e2e',
      'recipe:minimal',
      'package.json',
    ]);
    const starter = join(outRoot, 'minimal');
    const pkg = JSON.parse(readFileSync(join(starter, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('@shipml/starter-minimal');
    expect(pkg.dependencies['@shipml/serve']).toBe('workspace:*');
    expect(pkg.shipml).toBeUndefined();
    expect(Object.keys(pkg.scripts)).toEqual(
      expect.arrayContaining(['dev', 'build', 'start', 'test', 'test:e2e', 'typecheck', 'lint']),
    );
    // _gitignore is renamed; the README comes from the shared partial; the model is copied byte for byte.
    expect(existsSync(join(starter, '.gitignore'))).toBe(true);
    expect(existsSync(join(starter, '_gitignore'))).toBe(false);
    expect(readFileSync(join(starter, 'README.md'), 'utf8')).toMatch(/^# Minimal app\n/);
    expect(readFileSync(join(starter, 'models/celsius-to-fahrenheit.onnx'))).toEqual(
      readFileSync(join(root, 'recipes/minimal/templates/models/celsius-to-fahrenheit.onnx')),
    );
    expect(readFileSync(join(starter, 'server/models.ts'), 'utf8')).toContain(
      "export const MODEL_ID = 'celsius-to-fahrenheit';",
    );
  });

  it('reports a broken template as a failure instead of writing half a starter', async () => {
    const { root, outRoot } = copyGeneratorsRoot();
    writeFileSync(join(root, 'recipes/minimal/templates/broken.md.hbs'), '{{noSuchValue}}');
    const plop = await plopFor(root, outRoot);
    const { failures } = await plop.getGenerator('minimal').runActions({});
    expect(failures[0]?.error).toMatch(/broken\.md\.hbs.*"noSuchValue" not defined/);
    expect(existsSync(join(outRoot, 'minimal/package.json'))).toBe(false);
  });

  it('rejects a model the recipe does not offer', async () => {
    const { root, outRoot } = copyGeneratorsRoot();
    const plop = await plopFor(root, outRoot);
    const { failures } = await plop.getGenerator('minimal').runActions({ model: 'gpt-9' });
    expect(failures[0]?.error).toMatch(/no model "gpt-9"/);
  });
});
