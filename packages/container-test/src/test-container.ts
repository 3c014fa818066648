// `pnpm test:container`: for every starter, build its Dockerfile (staged from the monorepo, and
// again as a created app outside it), run the image on loopback and check it (probes, non-root,
// one real prediction, the autoscaler's metric, HEALTHCHECK, starting offline, SIGTERM during a
// request), then start it from its own deploy/k8s/app.yaml with `podman kube play`.
// Needs podman and the base image: `bash scripts/container-setup.sh` once.
// Flags: --starters a,b (default all) --created a,b (default all; `none` to skip) --keep-images.
// Prints a line per check, a JSON summary, and `N passed, N failed` last.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getFreePort } from '@shipml/dev/e2e';
import { exec, podman } from './exec.js';
import {
  checkDrain,
  checkHealthcheck,
  checkOffline,
  checkServing,
  waitReady,
  type Report,
} from './image-checks.js';
import { kubePlay } from './kube-play.js';
import { appContainer, loadManifest } from './manifests.js';
import { repoRoot, starterDir, starterNames } from './paths.js';
import { loadSmokeSpec } from './smoke-spec.js';
import { createApp, stageStarter } from './stage.js';

const { values } = parseArgs({
  options: {
    starters: { type: 'string' },
    created: { type: 'string' },
    'keep-images': { type: 'boolean', default: false },
  },
});
const all = starterNames();
const pick = (list: string | undefined) =>
  list === undefined ? all : list === 'none' ? [] : list.split(',').filter(Boolean);
const starters = pick(values.starters);
const created = pick(values.created);

const results: { check: string; ok: boolean; ms: number; report?: Report; error?: string }[] = [];
async function check(name: string, fn: () => Promise<Report | void>): Promise<boolean> {
  const started = Date.now();
  try {
    const report = (await fn()) ?? undefined;
    const ms = Date.now() - started;
    results.push({ check: name, ok: true, ms, ...(report && { report }) });
    console.log(
      `✓ ${name} (${(ms / 1000).toFixed(1)} s)${report ? ` ${JSON.stringify(report)}` : ''}`,
    );
    return true;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    results.push({ check: name, ok: false, ms: Date.now() - started, error });
    console.log(`✗ ${name}: ${error}`);
    return false;
  }
}

const work = mkdtempSync(join(tmpdir(), 'shipml-container-'));
const images: string[] = [];
const started = Date.now();

/** Builds `context` as `tag`; reports build time and image size. */
async function build(context: string, tag: string): Promise<Report> {
  const t = Date.now();
  // host network: the build reaches the npm registry the way this machine does.
  await podman([
    'build',
    '--pull=never',
    '--format',
    'docker',
    '--network=host',
    '-t',
    tag,
    context,
  ]);
  images.push(tag);
  const size = Number((await podman(['image', 'inspect', '--format', '{{.Size}}', tag])).stdout);
  return {
    image: tag,
    buildSeconds: Math.round((Date.now() - t) / 1000),
    sizeMB: Math.round(size / 1e6),
  };
}

/** Runs the image on a loopback port and puts it through every check; removes it after. */
async function serveChecks(label: string, image: string, appDir: string): Promise<void> {
  const k8s = loadManifest(appDir, 'app.yaml');
  const spec = loadSmokeSpec(appDir);
  const port = await getFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const name = `shipml-test-${label.replace(/[^a-z0-9-]/g, '-')}`;
  const containerPort = appContainer(k8s).ports[0]!.containerPort;
  await podman(['rm', '-f', '-t', '0', name], { allowFailure: true });
  try {
    await podman(['run', '-d', '--name', name, '-p', `127.0.0.1:${port}:${containerPort}`, image]);
    if (
      !(await check(`${label}: ready`, async () => ({ readyMs: await waitReady(baseUrl, name) })))
    )
      return;
    await check(`${label}: probes, non-root, prediction, metric`, () =>
      checkServing(baseUrl, name, k8s, spec, appDir),
    );
    await check(`${label}: HEALTHCHECK`, () => checkHealthcheck(name));
    await check(`${label}: SIGTERM during a request`, () =>
      checkDrain(baseUrl, name, spec, appDir),
    );
  } finally {
    await podman(['rm', '-f', '-t', '0', name], { allowFailure: true });
  }
}

try {
  // create-shipml packs the starters at build time: rebuild it so a created app has their files.
  if (created.length > 0) {
    await exec(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--filter=create-shipml', '--output-logs=errors-only'],
      {
        cwd: repoRoot,
      },
    );
  }
  for (const name of starters) {
    const appDir = starterDir(name);
    const image = appContainer(loadManifest(appDir, 'app.yaml')).image;
    const context = join(work, name);
    const built = await check(`${name}: build (monorepo, staged)`, async () => {
      await stageStarter(name, context);
      return build(context, image);
    });
    if (!built) continue;
    await serveChecks(name, image, appDir);
    await check(`${name}: starts offline`, () =>
      checkOffline(image, `shipml-test-${name}-offline`),
    );
    await check(`${name}: podman kube play deploy/k8s/app.yaml`, async () => {
      const played = await kubePlay(appDir, await getFreePort());
      try {
        const k8s = loadManifest(appDir, 'app.yaml');
        const readyMs = await waitReady(played.baseUrl, played.container);
        return {
          readyMs,
          ...(await checkServing(
            played.baseUrl,
            played.container,
            k8s,
            loadSmokeSpec(appDir),
            appDir,
          )),
        };
      } finally {
        await played.down();
      }
    });
  }
  for (const name of created) {
    const appDir = join(work, `created-${name}`, `my-${name}-app`);
    const tag = `shipml-created-${name}:test`;
    const built = await check(`created app (${name}): build outside the monorepo`, async () => {
      await createApp(name, appDir);
      return build(appDir, tag);
    });
    if (built) await serveChecks(`created app (${name})`, tag, appDir);
  }
} finally {
  if (!values['keep-images']) {
    for (const image of images) await podman(['rmi', '-f', image], { allowFailure: true });
  }
  rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(
  JSON.stringify({
    seconds: Math.round((Date.now() - started) / 1000),
    images: results.filter((r) => r.report?.image).map((r) => r.report),
    failed: results.filter((r) => !r.ok).map((r) => r.check),
  }),
);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
