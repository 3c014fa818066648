import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  TemplateError,
  UnknownRecipeError,
  UnpinnedDependencyError,
  UsageError,
} from '../errors.js';
import { SAMPLE_MODELS, SAMPLE_PACKAGE, sampleTemplates, writeTree } from '../__tests__/fixture.js';
import { createFiles, type CreateRequest } from './create-files.js';
import { trackedFiles, walkFiles } from './project-files.js';
import { localPackages, localRanges, publishedRanges } from './shipml-ranges.js';
import { findStarter, listStarters } from './starters.js';

function request(root: string, over: Partial<CreateRequest> = {}): CreateRequest {
  return {
    starter: findStarter(listStarters(root), 'demo'),
    packageName: 'my-app',
    model: 'small',
    pm: 'pnpm',
    createdWith: '1.2.3',
    shipmlRange: publishedRanges({ '@shipml/serve': '1.4.2' }),
    ...over,
  };
}

describe('listStarters', () => {
  it('reads the recipe facts from each starter’s package.json', () => {
    const [demo, ...rest] = listStarters(sampleTemplates());
    expect(rest).toEqual([]);
    expect(demo).toMatchObject({
      name: 'demo',
      title: 'Demo app',
      description: 'A demo.',
      defaultModel: 'small',
    });
    expect(demo!.models.map((m) => m.id)).toEqual(['small', 'large']);
  });

  it('names what is wrong with malformed facts, and the recipes that exist', () => {
    const broken = { ...SAMPLE_PACKAGE, shipml: { ...SAMPLE_PACKAGE.shipml, defaultModel: 'x' } };
    const root = writeTree({ 'demo/package.json': JSON.stringify(broken) });
    expect(() => listStarters(root)).toThrow(TemplateError);
    expect(() => listStarters(root)).toThrow(/"shipml.defaultModel" must be one of/);
    const hub = (hubModel: unknown) =>
      writeTree({
        'demo/package.json': JSON.stringify({
          ...SAMPLE_PACKAGE,
          shipml: { ...SAMPLE_PACKAGE.shipml, hubModel },
        }),
      });
    expect(() => listStarters(hub({ runtime: 'onnx', files: [] }))).toThrow(
      /"shipml.hubModel" must be \{ runtime/,
    );
    const kind = { runtime: 'transformers', task: 'text-generation', files: ['onnx/model.onnx'] };
    expect(listStarters(hub(kind))[0]?.hubModel).toEqual(kind);
    expect(() => findStarter(listStarters(sampleTemplates()), 'nope')).toThrow(
      new UnknownRecipeError('Unknown recipe "nope". Available: demo.'),
    );
  });
});

describe('createFiles', () => {
  it('copies the starter, transforming only package.json, README.md and the dotfile names', () => {
    const root = sampleTemplates();
    const files = createFiles(request(root));
    expect(files.map((f) => f.path)).toEqual([
      '.gitignore',
      'README.md',
      'models.json',
      'models/tiny.onnx',
      'package.json',
      'web/.npmrc',
    ]);
    const byPath = Object.fromEntries(files.map((f) => [f.path, f.contents]));
    expect(byPath['models/tiny.onnx']).toEqual(readFileSync(join(root, 'demo/models/tiny.onnx')));
    expect(byPath['models.json']!.toString()).toBe(SAMPLE_MODELS);
    const pkg = JSON.parse(byPath['package.json']!.toString());
    expect(pkg.name).toBe('my-app');
    expect(pkg.dependencies).toEqual({ '@shipml/serve': '^1.4.2', fastify: '^5.6.0' });
    expect(pkg.shipml).toMatchObject({
      recipe: 'demo',
      createdWith: '1.2.3',
      defaultModel: 'small',
    });
    const readme = byPath['README.md']!.toString();
    expect(readme).not.toContain('monorepo');
    expect(readme).toContain('pnpm dev');
  });

  it('applies the chosen model and package manager', () => {
    const files = createFiles(request(sampleTemplates(), { model: 'large', pm: 'npm' }));
    const text = (p: string) => files.find((f) => f.path === p)!.contents.toString();
    expect(JSON.parse(text('models.json')).default).toBe('large');
    expect(JSON.parse(text('package.json')).shipml.defaultModel).toBe('large');
    expect(text('README.md')).toContain('npm run dev');
  });

  it('refuses a @shipml dependency with no known version', () => {
    expect(() =>
      createFiles(request(sampleTemplates(), { shipmlRange: publishedRanges({}) })),
    ).toThrow(UnpinnedDependencyError);
  });
});

describe('localPackages and localRanges', () => {
  it('points each public package of a checkout at its folder, and refuses a folder that is not one', () => {
    const checkout = writeTree({
      'packages/serve/package.json': '{ "name": "@shipml/serve" }',
      'packages/test-utils/package.json': '{ "name": "@shipml/test-utils", "private": true }',
    });
    expect(localPackages(checkout)).toEqual({
      '@shipml/serve': `file:${join(checkout, 'packages/serve')}`,
    });
    const range = localRanges(checkout);
    expect(range('@shipml/serve')).toBe(`file:${join(checkout, 'packages/serve')}`);
    expect(() => range('constructor')).toThrow(UnpinnedDependencyError);
    expect(() => range('@shipml/test-utils')).toThrow(UnpinnedDependencyError);
    expect(() => localRanges(writeTree({ 'x.txt': '' }))).toThrow(UsageError);
  });
});

describe('trackedFiles', () => {
  it('in a git checkout lists what git tracks: not untracked, ignored or deleted files', () => {
    const dir = writeTree({
      'starter/a.ts': 'a',
      'starter/sub/b.ts': 'b',
      'starter/gone.ts': 'c',
      'starter/.gitignore': 'ignored.txt\n',
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '.'], { cwd: dir });
    rmSync(join(dir, 'starter/gone.ts'));
    writeFileSync(join(dir, 'starter/scratch.ts'), 'untracked');
    writeFileSync(join(dir, 'starter/ignored.txt'), 'ignored');
    expect(trackedFiles(join(dir, 'starter'))).toEqual(['.gitignore', 'a.ts', 'sub/b.ts']);
  });

  it('outside git, or where git tracks nothing yet, walks the files, skipping build output', () => {
    const dir = writeTree({
      'a.ts': '',
      'dist/x.js': '',
      'node_modules/m/i.js': '',
      'web/test-results/r.txt': '',
      'tsconfig.tsbuildinfo': '',
      'web/.shipml-cache/c': '',
      'web/app.tsx': '',
    });
    expect(walkFiles(dir)).toEqual(['a.ts', 'web/app.tsx']);
    expect(trackedFiles(dir)).toEqual(['a.ts', 'web/app.tsx']);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(join(dir, 'fresh'));
    writeFileSync(join(dir, 'fresh/new.ts'), '');
    expect(trackedFiles(join(dir, 'fresh'))).toEqual(['new.ts']);
  });
});
