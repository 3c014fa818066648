// pnpm test:release — the publish-and-create test, run as a user would meet shipml:
// build the public packages, publish them to a throw-away Verdaccio on loopback, then for
// every recipe `pnpm create shipml` from that registry into a directory outside the repo,
// install, and run the new app's own typecheck, unit tests and browser tests.
// Prints one JSON object (durations, recipes) as its last line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listRecipes } from 'create-shipml';
import { makeTempDir } from '@shipml/test-utils';
import { generatorsRoot, repoRoot } from '../paths.js';
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

const work = makeTempDir('shipml-release-');
const upstream = upstreamRegistry();
const registry = await phase('start registry', () => startRegistry(work.path, upstream));
let failed = false;
const results: { recipe: string; ok: boolean; ms: number; error?: string }[] = [];
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
  for (const recipe of listRecipes(generatorsRoot)) {
    const start = performance.now();
    const appDir = join(apps, `app-${recipe}`);
    try {
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
      const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
        shipml?: { recipe: string };
      };
      for (const [name, range] of Object.entries(pkg.dependencies)) {
        if (name.startsWith('@shipml/') && range !== `^${versions[name]}`) {
          throw new Error(`${name} is "${range}" in the created app, expected ^${versions[name]}`);
        }
      }
      if (pkg.shipml?.recipe !== recipe) throw new Error('package.json does not record the recipe');
      for (const script of ['typecheck', 'test', 'test:e2e']) {
        await phase(`${recipe}: pnpm ${script}`, () =>
          exec('pnpm', [script], { cwd: appDir, env, label: `${recipe} ${script}` }),
        );
      }
      results.push({ recipe, ok: true, ms: Math.round(performance.now() - start) });
    } catch (err) {
      failed = true;
      results.push({
        recipe,
        ok: false,
        ms: Math.round(performance.now() - start),
        error: (err as Error).message,
      });
      console.error(`✖ ${recipe}: ${(err as Error).message}`);
    }
  }
} catch (err) {
  failed = true;
  console.error(`✖ ${(err as Error).message}`);
} finally {
  await registry.stop();
  work.remove();
}
for (const r of results)
  console.error(`${r.ok ? '✔' : '✖'} ${r.recipe} (${(r.ms / 1000).toFixed(1)} s)`);
const passed = results.filter((r) => r.ok).length;
console.error(`${passed} passed, ${results.length - passed} failed`);
console.log(
  JSON.stringify({ ok: !failed, totalMs: Math.round(performance.now() - t0), phases, results }),
);
process.exitCode = failed ? 1 : 0;
