import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from './exec.js';

/** The scripts every created app must pass, in order. */
export const APP_SCRIPTS = ['typecheck', 'test', 'test:e2e'] as const;

/**
 * Checks a created app's package.json: it records `recipe`, and every `@shipml/*` dependency
 * has the range `expected(name)` (nothing left as `workspace:`).
 */
export function checkCreatedPackage(
  appDir: string,
  recipe: string,
  expected: (name: string) => string,
): void {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    shipml?: { recipe?: string };
  };
  for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (range.startsWith('workspace:')) throw new Error(`${name} is still "${range}"`);
    if (name.startsWith('@shipml/') && range !== expected(name)) {
      throw new Error(`${name} is "${range}" in the created app, expected ${expected(name)}`);
    }
  }
  if (pkg.shipml?.recipe !== recipe) throw new Error('package.json does not record the recipe');
}

/** Runs the app's own typecheck, unit and browser tests with pnpm; `phase` times each. */
export async function runAppScripts(
  appDir: string,
  label: string,
  env: NodeJS.ProcessEnv,
  phase: (name: string, fn: () => Promise<void>) => Promise<void>,
): Promise<void> {
  for (const script of APP_SCRIPTS) {
    await phase(`${label}: pnpm ${script}`, () =>
      exec('pnpm', [script], { cwd: appDir, env, label: `${label} ${script}` }),
    );
  }
}
