// pnpm test:release — the publish-and-create test, run as a user would meet shipml:
// build the public packages, publish them to a throw-away Verdaccio on loopback, then for
// every packed starter `pnpm create shipml` from that registry into a directory outside the
// repo, install, and run the new app's own typecheck, unit tests and browser tests. Then the
// from-a-clone path: `pnpm create-app` from this checkout (file: links to its packages) for the
// smallest starter, and the same tests.
// Prints one JSON object (durations, recipes) as its last line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listStarters, templatesRoot } from 'create-shipml';
import { makeTempDir } from '@shipml/test-utils';
import { repoRoot, SOURCE_STARTER } from '../paths.js';
import { checkCreatedPackage, runAppScripts } from './app-checks.js';
import { exec } from './exec.js';
import { publishAll } from './publish.js';
import { startRegistry } from './verdaccio.js';

const t0 = performance.now();
const phases: Record<string, number> = {};
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  console.error(`▶ ${name}`);
  try {
    return await fn();
  } finally {
    phases[name] = Math.round(performance.now() - start);
    console.error(`  ${name}: ${(phases[name] / 1000).toFixed(1)} s`);
  }
}

function upstreamRegistry(): string {
  try {
    const url = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
    if (url.startsWith('http')) return url.endsWith('/') ? url : `${url}/`;
  } catch {
    // npm missing or unconfigured: use the public registry.
  }
  return 'https://registry.npmjs.org/';
}

type Result = {
  recipe: string;
  via: 'registry' | 'clone';
  ok: boolean;
  ms: number;
  error?: string;
};
const results: Result[] = [];
let failed = false;

/** Creates one app and runs its checks, recording the outcome instead of stopping the run. */
async function attempt(recipe: string, via: Result['via'], fn: () => Promise<void>): Promise<void> {
  const start = performance.now();
  try {
    await fn();
    results.push({ recipe, via, ok: true, ms: Math.round(performance.now() - start) });
  } catch (err) {
    failed = true;
    const error = (err as Error).message;
    results.push({ recipe, via, ok: false, ms: Math.round(performance.now() - start), error });
    console.error(`✖ ${recipe} (${via}): ${error}`);
  }
}

const work = makeTempDir('shipml-release-');
const upstream = upstreamRegistry();
const registry = await phase('start registry', () => startRegistry(work.path, upstream));
try {
  // Every client the test starts reads this registry and token, and nothing from the
  // calling environment's npm settings (an outer `pnpm` run exports npm_config_* variables).
  const npmrc = join(work.path, 'npmrc');
  const host = registry.url.replace(/^https?:/, '');
  writeFileSync(npmrc, `registry=${registry.url}\n${host}:_authToken=${registry.token}\n`);
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && !/^PNPM_/.test(k)),
  );
  Object.assign(env, {
    NPM_CONFIG_USERCONFIG: npmrc,
    npm_config_registry: registry.url,
    CI: 'true',
  });

  await phase('build public packages', () =>
    exec(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'],
      {
        cwd: repoRoot,
        label: 'build',
      },
    ),
  );
  const published = await phase('publish', () => publishAll(env));
  const versions = Object.fromEntries(published.map((p) => [p.name, p.version]));

  const apps = join(work.path, 'apps');
  mkdirSync(apps);
  // The starters create-shipml was packed with: what `pnpm create shipml` offers.
  for (const { name: recipe } of listStarters(templatesRoot)) {
    await attempt(recipe, 'registry', async () => {
      const appDir = join(apps, `app-${recipe}`);
      await phase(`${recipe}: pnpm create shipml + install`, () =>
        exec(
          'pnpm',
          ['create', 'shipml', `app-${recipe}`, '--recipe', recipe, '--yes', '--no-git'],
          {
            cwd: apps,
            env,
            label: `create ${recipe}`,
          },
        ),
      );
      checkCreatedPackage(appDir, recipe, (name) => `^${versions[name]}`);
      await runAppScripts(appDir, recipe, env, phase);
    });
  }

  // From a clone: the root script builds this checkout and creates the app from it.
  await attempt(SOURCE_STARTER, 'clone', async () => {
    const appDir = join(apps, `clone-${SOURCE_STARTER}`);
    await phase(`${SOURCE_STARTER}: pnpm create-app + install`, () =>
      exec('pnpm', ['run', 'create-app', appDir, '--recipe', SOURCE_STARTER, '--yes', '--no-git'], {
        cwd: repoRoot,
        env,
        label: `create-app ${SOURCE_STARTER}`,
      }),
    );
    const dirs = new Map(published.map((p) => [p.name, p.dir]));
    checkCreatedPackage(appDir, SOURCE_STARTER, (name) => `file:${dirs.get(name)}`);
    await runAppScripts(appDir, `clone ${SOURCE_STARTER}`, env, phase);
  });
} catch (err) {
  failed = true;
  console.error(`✖ ${(err as Error).message}`);
} finally {
  await registry.stop();
  work.remove();
}
for (const r of results) {
  console.error(`${r.ok ? '✔' : '✖'} ${r.recipe} via ${r.via} (${(r.ms / 1000).toFixed(1)} s)`);
}
const passed = results.filter((r) => r.ok).length;
console.error(`${passed} passed, ${results.length - passed} failed`);
console.log(
  JSON.stringify({ ok: !failed, totalMs: Math.round(performance.now() - t0), phases, results }),
);
process.exitCode = failed ? 1 : 0;
