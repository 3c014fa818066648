import { describe, expect, it } from 'vitest';
import { TemplateError, UnknownRecipeError } from '../errors.js';
import { sampleRoot } from '../__tests__/fixture.js';
import { renderRecipe, type RenderResult } from './render.js';

const text = (r: RenderResult, path: string) =>
  r.files.find((f) => f.path === path)?.contents.toString('utf8');

describe('renderRecipe', () => {
  it('layers shared files under the recipe, renders only .hbs files, copies binaries byte for byte', async () => {
    const root = sampleRoot();
    const r = await renderRecipe({ root, recipe: 'demo', target: 'workspace' });
    expect(r.files.map((f) => f.path)).toEqual([
      '.gitignore',
      'README.md',
      'model.ts',
      'models/tiny.onnx',
      'overridden.ts',
      'package.json',
      'shared.ts',
      'web/app.tsx',
    ]);
    expect(text(r, 'overridden.ts')).toBe("export const who = 'recipe';\n");
    expect(r.steps.map((s) => [s.name, s.files.map((f) => f.path)])).toEqual([
      ['layer:base', ['.gitignore', 'shared.ts']],
      [
        'recipe:demo',
        ['README.md', 'model.ts', 'models/tiny.onnx', 'overridden.ts', 'web/app.tsx'],
      ],
      ['package.json', ['package.json']],
    ]);
    expect(text(r, 'README.md')).toBe('# Demo app\n\nRun: `pnpm dev`\n\nModel: small\n');
    expect(text(r, 'model.ts')).toBe(
      'export const MODEL = "small";\n'.replace('"small"', "'small'"),
    );
    // JSX braces in a plain file are not Handlebars: untouched.
    expect(text(r, 'web/app.tsx')).toContain('style={{ color:');
    expect(r.files.find((f) => f.path === 'models/tiny.onnx')?.contents).toEqual(
      Buffer.from([0, 1, 2, 0xff, 0x7b, 0x7b]),
    );
  });

  it('differs between monorepo and standalone only in package.json versions, the shipml record and the commands', async () => {
    const root = sampleRoot();
    const ws = await renderRecipe({
      root,
      recipe: 'demo',
      target: 'workspace',
      options: { model: 'large' },
    });
    const app = await renderRecipe({
      root,
      recipe: 'demo',
      target: 'standalone',
      options: { model: 'large' },
      packageName: 'my-app',
      shipmlVersions: { '@shipml/serve': '0.3.1' },
      generatorVersion: '0.3.0',
      packageManager: 'npm',
    });
    const wsPkg = JSON.parse(text(ws, 'package.json')!);
    const appPkg = JSON.parse(text(app, 'package.json')!);
    expect(wsPkg.name).toBe('@shipml/starter-demo');
    expect(wsPkg.dependencies).toEqual({ '@shipml/serve': 'workspace:*', fastify: '^5.6.0' });
    expect(wsPkg.devDependencies).toEqual({ typescript: '~5.9.3', vitest: '^4.0.0' });
    expect(wsPkg.scripts).toEqual({ test: 'vitest run', build: 'vite build' });
    expect(appPkg.name).toBe('my-app');
    expect(appPkg.dependencies['@shipml/serve']).toBe('^0.3.1');
    expect(appPkg.shipml).toEqual({
      version: '0.3.0',
      recipe: 'demo',
      options: { model: 'large' },
    });
    expect(text(app, 'README.md')).toContain('Run: `npm run dev`');
    const differing = ws.files
      .filter((f) => !f.contents.equals(app.files.find((g) => g.path === f.path)!.contents))
      .map((f) => f.path);
    expect(differing).toEqual(['README.md', 'package.json']);
  });

  it('turns a misspelt variable into an error that names the template', async () => {
    const root = sampleRoot({
      'recipes/demo/templates/bad.ts.hbs': 'export const x = {{modle.id}};',
    });
    await expect(renderRecipe({ root, recipe: 'demo', target: 'workspace' })).rejects.toThrow(
      /recipe:demo\/bad\.ts\.hbs: .*not defined/,
    );
  });

  it('refuses a package.json template: dependencies go through the manifest and the versions map', async () => {
    const root = sampleRoot({ 'recipes/demo/templates/package.json': '{}' });
    await expect(renderRecipe({ root, recipe: 'demo', target: 'workspace' })).rejects.toThrow(
      TemplateError,
    );
  });

  it('names the recipes and models that exist when asked for one that does not', async () => {
    const root = sampleRoot();
    await expect(renderRecipe({ root, recipe: 'nope', target: 'workspace' })).rejects.toThrow(
      new UnknownRecipeError('Unknown recipe "nope". Available: demo.'),
    );
    await expect(
      renderRecipe({ root, recipe: 'demo', target: 'workspace', options: { model: 'huge' } }),
    ).rejects.toThrow(/no model "huge". Available: small, large/);
  });

  it('is deterministic: two renders give the same bytes', async () => {
    const root = sampleRoot();
    const a = await renderRecipe({ root, recipe: 'demo', target: 'workspace' });
    const b = await renderRecipe({ root, recipe: 'demo', target: 'workspace' });
    expect(a.files).toEqual(b.files);
  });
});
