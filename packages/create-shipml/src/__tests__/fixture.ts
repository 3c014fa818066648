import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Writes a template root inline: `{ 'recipes/x/recipe.json': '…', 'shared/layers/base/files/a.ts': '…' }`.
 * Returns its path.
 */
export function makeTemplateRoot(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'create-shipml-fixture-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** A small recipe over one shared layer: enough to exercise every rule of the renderer. */
export function sampleRoot(extra: Record<string, string | Buffer> = {}): string {
  return makeTemplateRoot({
    'shared/partials/readme.hbs':
      '# {{recipe.title}}\n\nRun: `{{run}} dev`\n\n{{> @partial-block}}\n',
    'shared/layers/base/layer.json': JSON.stringify({
      description: 'base',
      devDependencies: ['typescript', 'vitest'],
      scripts: { test: 'vitest run', build: 'tsc' },
    }),
    'shared/layers/base/files/_gitignore': 'node_modules/\n',
    'shared/layers/base/files/shared.ts': 'export const fromLayer = true;\n',
    'shared/layers/base/files/overridden.ts': 'export const who = "layer";\n',
    'recipes/demo/recipe.json': JSON.stringify({
      name: 'demo',
      title: 'Demo app',
      description: 'A demo.',
      layers: ['base'],
      models: [
        { id: 'small', description: 'fast' },
        { id: 'large', description: 'accurate' },
      ],
      options: { model: { default: 'small' } },
      dependencies: ['@shipml/serve', 'fastify'],
      devDependencies: ['fastify'],
      scripts: { build: 'vite build' },
    }),
    'recipes/demo/templates/README.md.hbs': '{{#> readme}}Model: {{model.id}}{{/readme}}',
    'recipes/demo/templates/overridden.ts': 'export const who = "recipe";\n',
    'recipes/demo/templates/model.ts.hbs': 'export const MODEL = {{json options.model}};',
    'recipes/demo/templates/web/app.tsx':
      'export const App = () => <p style={{ color: "red" }}>hi</p>;\n',
    'recipes/demo/templates/models/tiny.onnx': Buffer.from([0, 1, 2, 0xff, 0x7b, 0x7b]),
    ...extra,
  });
}
