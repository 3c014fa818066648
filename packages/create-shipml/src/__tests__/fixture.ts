import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `{ 'a/b.txt': '…' }` under `root` (a new temporary directory when not given). */
export function writeTree(files: Record<string, string | Buffer>, root?: string): string {
  const dir = root ?? mkdtempSync(join(tmpdir(), 'create-shipml-fixture-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

/** package.json of a small starter with two models, linked to one @shipml package. */
export const SAMPLE_PACKAGE = {
  name: '@shipml/starter-demo',
  version: '0.1.0',
  private: true,
  description: 'A demo.',
  shipml: {
    title: 'Demo app',
    models: [
      { id: 'small', description: 'fast' },
      { id: 'large', description: 'accurate' },
    ],
    defaultModel: 'small',
  },
  dependencies: { '@shipml/serve': 'workspace:*', fastify: '^5.6.0' },
  devDependencies: { vitest: '^4.0.0' },
};

export const SAMPLE_MODELS = `{
  "models": [
    { "id": "small", "files": [] },
    { "id": "large", "files": [] }
  ]
}
`;

export const SAMPLE_README = [
  '# Demo app',
  '',
  'A demo.',
  '',
  '<!-- monorepo:start -->',
  'In the shipml repository: `pnpm --filter @shipml/starter-demo dev`.',
  '<!-- monorepo:end -->',
  '',
  '```sh',
  'pnpm install',
  'pnpm dev',
  '```',
  '',
  'Then `pnpm test:e2e`, or `pnpm exec vitest`.',
  '',
].join('\n');

/** A packed starter `demo` (packed names: `_gitignore`) in a new template root; returns the root. */
export function sampleTemplates(): string {
  return writeTree({
    'demo/package.json': `${JSON.stringify(SAMPLE_PACKAGE, null, 2)}\n`,
    'demo/models.json': SAMPLE_MODELS,
    'demo/README.md': SAMPLE_README,
    'demo/_gitignore': 'node_modules/\n',
    'demo/web/_npmrc': 'x=1\n',
    'demo/models/tiny.onnx': Buffer.from([0, 1, 2, 0xff, 0x7b, 0x7b]),
    'demo/node_modules/left-pad/index.js': '',
    'shipml-versions.json': '{ "@shipml/serve": "1.4.2" }',
  });
}
