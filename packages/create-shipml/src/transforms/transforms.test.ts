import { describe, expect, it } from 'vitest';
import { TemplateError } from '../errors.js';
import { SAMPLE_MODELS, SAMPLE_PACKAGE, SAMPLE_README } from '../__tests__/fixture.js';
import { kubernetesName, namesTheApp, renameApp } from './app-name.js';
import { chooseDefaultModel } from './default-model.js';
import { packedPath, unpackedPath } from './dotfiles.js';
import { setPackageIdentity } from './package-identity.js';
import { useRunCommands } from './readme-commands.js';
import { useHubModel } from './hub-model.js';
import { dropMonorepoLines } from './readme-monorepo.js';
import { pinShipmlDependencies } from './shipml-dependencies.js';
import { resolveShipmlLocally } from './local-resolutions.js';

describe('setPackageIdentity', () => {
  it('renames the package and records the recipe and create-shipml version beside the starter facts', () => {
    const pkg = setPackageIdentity(SAMPLE_PACKAGE, {
      name: 'my-app',
      recipe: 'demo',
      createdWith: '1.2.3',
    });
    expect(pkg.name).toBe('my-app');
    expect(pkg.shipml).toEqual({ ...SAMPLE_PACKAGE.shipml, recipe: 'demo', createdWith: '1.2.3' });
    expect(Object.keys(pkg)).toEqual(Object.keys(SAMPLE_PACKAGE));
    expect(SAMPLE_PACKAGE.name).toBe('@shipml/starter-demo');
  });
});

describe('pinShipmlDependencies', () => {
  it('replaces workspace: ranges only, whatever the field', () => {
    const pkg = pinShipmlDependencies(
      { ...SAMPLE_PACKAGE, devDependencies: { '@shipml/dev': 'workspace:^', vitest: '^4.0.0' } },
      (name) => `^9.0.0-${name.slice(8)}`,
    );
    expect(pkg.dependencies).toEqual({ '@shipml/serve': '^9.0.0-serve', fastify: '^5.6.0' });
    expect(pkg.devDependencies).toEqual({ '@shipml/dev': '^9.0.0-dev', vitest: '^4.0.0' });
  });

  it('lets the range function refuse a package it has no version for', () => {
    expect(() =>
      pinShipmlDependencies(SAMPLE_PACKAGE, (name) => {
        throw new TemplateError(`no ${name}`);
      }),
    ).toThrow('no @shipml/serve');
  });
});

describe('resolveShipmlLocally', () => {
  it('points every @shipml package at the checkout in resolutions, keeping the app’s own', () => {
    const pkg = resolveShipmlLocally(
      { ...SAMPLE_PACKAGE, resolutions: { 'left-pad': '1.3.0' } },
      {
        '@shipml/serve': 'file:/co/packages/serve',
        '@shipml/random': 'file:/co/packages/random',
        'create-shipml': 'file:/co/packages/create-shipml',
      },
    );
    expect(pkg.resolutions).toEqual({
      'left-pad': '1.3.0',
      '@shipml/serve': 'file:/co/packages/serve',
      '@shipml/random': 'file:/co/packages/random',
    });
    expect(pkg.dependencies).toEqual(SAMPLE_PACKAGE.dependencies);
  });
});

describe('chooseDefaultModel', () => {
  it('leaves both files alone for the starter’s own model', () => {
    const out = chooseDefaultModel(SAMPLE_PACKAGE, SAMPLE_MODELS, 'small');
    expect(out.modelsJson).toBe(SAMPLE_MODELS);
    expect(out.pkg).toBe(SAMPLE_PACKAGE);
  });

  it('sets models.json "default" (first when new, in place when present) and shipml.defaultModel', () => {
    const out = chooseDefaultModel(SAMPLE_PACKAGE, SAMPLE_MODELS, 'large');
    const models = JSON.parse(out.modelsJson);
    expect(Object.keys(models)).toEqual(['default', 'models']);
    expect(models.default).toBe('large');
    expect(models.models).toEqual(JSON.parse(SAMPLE_MODELS).models);
    expect(out.pkg.shipml?.defaultModel).toBe('large');
    const withDefault = JSON.stringify({
      models: [{ id: 'small' }, { id: 'large' }],
      default: 'small',
    });
    expect(
      Object.keys(JSON.parse(chooseDefaultModel(SAMPLE_PACKAGE, withDefault, 'large').modelsJson)),
    ).toEqual(['models', 'default']);
  });

  it('refuses a model that is no entry of models.json', () => {
    expect(() => chooseDefaultModel(SAMPLE_PACKAGE, SAMPLE_MODELS, 'huge')).toThrow(
      /"huge" .* not an entry of its models.json \(small, large\)/,
    );
  });
});

describe('useHubModel', () => {
  const entry = {
    id: 'distilgpt2',
    runtime: 'transformers' as const,
    description: 'From the hub.',
    files: [
      {
        name: 'onnx/model.onnx',
        source: `hf:Xenova/distilgpt2@${'c'.repeat(40)}/onnx/model.onnx`,
        sha256: 'a'.repeat(64),
        size: 123,
      },
    ],
  };

  it('adds the pinned entry as models.json "default", and records the repo as shipml.defaultModel', () => {
    const out = useHubModel(SAMPLE_PACKAGE, SAMPLE_MODELS, 'Xenova/distilgpt2', entry);
    const models = JSON.parse(out.modelsJson);
    expect(models.default).toBe('distilgpt2');
    expect(models.models).toEqual([...JSON.parse(SAMPLE_MODELS).models, entry]);
    expect(out.modelsJson.endsWith('}\n')).toBe(true);
    expect(out.pkg.shipml?.defaultModel).toBe('Xenova/distilgpt2');
    // A repo the starter does not list joins its choices, so the record stays a valid recipe.
    expect(out.pkg.shipml?.models).toEqual([
      ...SAMPLE_PACKAGE.shipml.models,
      { id: 'Xenova/distilgpt2', description: 'From the hub.' },
    ]);
    const listed = {
      ...SAMPLE_PACKAGE,
      shipml: { ...SAMPLE_PACKAGE.shipml, models: [{ id: 'Xenova/distilgpt2', description: 'x' }] },
    };
    expect(useHubModel(listed, SAMPLE_MODELS, 'Xenova/distilgpt2', entry).pkg.shipml?.models).toBe(
      listed.shipml.models,
    );
  });

  it('replaces an entry of the same id instead of adding a second', () => {
    const twice = useHubModel(
      SAMPLE_PACKAGE,
      useHubModel(SAMPLE_PACKAGE, SAMPLE_MODELS, 'a/b', entry).modelsJson,
      'a/b',
      { ...entry, description: 'again' },
    );
    const models = JSON.parse(twice.modelsJson).models as { id: string; description?: string }[];
    expect(models.map((m) => m.id)).toEqual(['small', 'large', 'distilgpt2']);
    expect(models[2]?.description).toBe('again');
  });
});

describe('dropMonorepoLines', () => {
  it('drops the marked lines, markers included, and the doubled blank line', () => {
    expect(dropMonorepoLines(SAMPLE_README)).toBe(
      SAMPLE_README.replace(/<!-- monorepo:start -->\n.*\n<!-- monorepo:end -->\n\n/, ''),
    );
    expect(dropMonorepoLines('a\n<!-- monorepo:start -->\nb\n<!-- monorepo:end -->\nc\n')).toBe(
      'a\nc\n',
    );
    expect(dropMonorepoLines('no markers\n')).toBe('no markers\n');
  });

  it('refuses unbalanced markers instead of dropping the rest of the file', () => {
    expect(() => dropMonorepoLines('<!-- monorepo:start -->\nx\n')).toThrow(/never closed/);
    expect(() => dropMonorepoLines('x\n<!-- monorepo:end -->\n')).toThrow(/without a start/);
  });
});

describe('useRunCommands', () => {
  it('rewrites pnpm commands in code blocks and inline code for npm and yarn', () => {
    const text =
      '```sh\npnpm install\npnpm dev\npnpm eval -- --n 5\n```\nThen `pnpm test:e2e` or `pnpm exec vitest`.\n';
    expect(useRunCommands(text, 'npm')).toBe(
      '```sh\nnpm install\nnpm run dev\nnpm run eval -- --n 5\n```\nThen `npm run test:e2e` or `npx vitest`.\n',
    );
    expect(useRunCommands(text, 'yarn')).toBe(
      '```sh\nyarn\nyarn dev\nyarn eval -- --n 5\n```\nThen `yarn test:e2e` or `yarn vitest`.\n',
    );
  });

  it('leaves prose, flags and pnpm itself alone', () => {
    const prose = 'Run pnpm dev here; see pnpm-lock.yaml and `pnpm --filter x dev`.\n';
    expect(useRunCommands(prose, 'npm')).toBe(prose);
    expect(useRunCommands(SAMPLE_README, 'pnpm')).toBe(SAMPLE_README);
  });
});

describe('dotfile names', () => {
  it('packs .gitignore and .npmrc under names npm keeps, and restores them', () => {
    expect(packedPath('.gitignore')).toBe('_gitignore');
    expect(packedPath('web/.npmrc')).toBe('web/_npmrc');
    expect(packedPath('web/.env')).toBe('web/.env');
    expect(unpackedPath('_gitignore')).toBe('.gitignore');
    expect(unpackedPath('sub/_npmrc')).toBe('sub/.npmrc');
    expect(unpackedPath('web/_app.tsx')).toBe('web/_app.tsx');
  });
});

describe('app name', () => {
  it('renames whole-word mentions of the starter in manifests, not longer words', () => {
    const yaml = [
      'metadata:',
      '  name: license-plate',
      '  labels: { app.kubernetes.io/name: license-plate }',
      'image: license-plate:latest # e.g. registry.example.com/team/license-plate:1.0.0',
      'package: "@shipml/starter-license-plate", other: license-plates',
    ].join('\n');
    expect(renameApp(yaml, 'license-plate', 'my-plates')).toBe(
      [
        'metadata:',
        '  name: my-plates',
        '  labels: { app.kubernetes.io/name: my-plates }',
        'image: my-plates:latest # e.g. registry.example.com/team/my-plates:1.0.0',
        'package: "@shipml/starter-license-plate", other: license-plates',
      ].join('\n'),
    );
  });

  it('makes a package name one Kubernetes accepts', () => {
    expect(kubernetesName('@team/My_App')).toBe('my-app');
    expect(kubernetesName('plates.v2')).toBe('plates-v2');
    expect(kubernetesName('-x-')).toBe('x');
    expect(kubernetesName('a'.repeat(80))).toHaveLength(63);
  });

  it('applies to the manifests only', () => {
    expect(namesTheApp('deploy/k8s/app.yaml')).toBe(true);
    expect(namesTheApp('deploy/smoke.json')).toBe(false);
    expect(namesTheApp('README.md')).toBe(false);
  });
});
