import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getFreePort, waitForHttp } from '@shipml/test-utils';
import { generatorsRoot } from '../paths.js';
import { exec } from './exec.js';

/**
 * Verdaccio 5 (6 needs Node 22). It is installed on first use into a cache directory rather
 * than the workspace: it is only needed here, and it brings ~300 packages. Version 5.33's
 * audit plugin asks for node-fetch's "cjs" dist-tag, which npm no longer serves: the override
 * pins the 2.x release that tag pointed to.
 */
const VERDACCIO_VERSION = '5.33.0';
const installDir = join(generatorsRoot, 'node_modules', '.cache', `verdaccio-${VERDACCIO_VERSION}`);

export async function installVerdaccio(upstream: string): Promise<string> {
  const bin = join(installDir, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  if (existsSync(bin)) return bin;
  mkdirSync(installDir, { recursive: true });
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify({
      private: true,
      dependencies: { verdaccio: VERDACCIO_VERSION },
      overrides: { 'verdaccio-audit': { 'node-fetch': '2.7.0' } },
    }),
  );
  await exec(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
      `--registry=${upstream}`,
    ],
    { cwd: installDir, label: 'install verdaccio' },
  );
  return bin;
}

export interface Registry {
  url: string;
  /** An auth token for a user created on start, allowed to publish. */
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts Verdaccio on a free loopback port with storage in `dir`. `@shipml/*` and
 * create-shipml are served only from what is published to it; everything else is proxied
 * from `upstream` (the npm registry).
 */
export async function startRegistry(dir: string, upstream: string): Promise<Registry> {
  const bin = await installVerdaccio(upstream);
  const port = await getFreePort();
  const local = { access: '$all', publish: '$authenticated', unpublish: '$authenticated' };
  const config = [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: 10',
    'uplinks:',
    '  npmjs:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 60s',
    '    maxage: 30m',
    'packages:',
    ...['@shipml/*', 'create-shipml'].flatMap((p) => [
      `  '${p}':`,
      ...Object.entries(local).map(([k, v]) => `    ${k}: ${v}`),
    ]),
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: npmjs',
    'max_body_size: 200mb',
    'log: { type: stdout, format: pretty, level: warn }',
  ].join('\n');
  const configPath = join(dir, 'config.yaml');
  writeFileSync(configPath, `${config}\n`);

  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--config', configPath, '--listen', `127.0.0.1:${port}`],
    {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitForHttp(`${url}-/ping`, 60_000);
    // Registering a user is how npm clients log in to Verdaccio; the answer carries a token.
    const res = await fetch(`${url}-/user/org.couchdb.user:shipml`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'shipml',
        password: 'shipml-release-test',
        type: 'user',
        roles: [],
      }),
    });
    const body = (await res.json()) as { token?: string };
    if (!res.ok || !body.token)
      throw new Error(`Verdaccio refused the test user: HTTP ${res.status}`);
    return { url, token: body.token, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
