import { waitForHttp } from '@shipml/dev/e2e';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestAcrossShutdown } from './drain-check.js';
import { podman } from './exec.js';
import { appContainer, podMetricNames, type KubeObject } from './manifests.js';
import { checkSmoke, sendSmoke, type SmokeSpec } from './smoke-spec.js';

/** What a check reports when it passes (printed, and gathered in the summary). */
export type Report = Record<string, string | number | boolean>;

/** Waits for `/v2/health/ready` (ms taken), failing early, with the logs, if the container exits. */
export async function waitReady(
  baseUrl: string,
  container: string,
  timeoutMs = 180_000,
): Promise<number> {
  const started = Date.now();
  let exited: string | undefined;
  const poll = setInterval(() => {
    void podman(['inspect', '--format', '{{.State.Status}}', container], {
      allowFailure: true,
    }).then((r) => {
      if (r.code !== 0 || /exited|stopped/.test(r.stdout)) exited = r.stdout.trim() || 'gone';
    });
  }, 1_000);
  try {
    await waitForHttp(`${baseUrl}/v2/health/ready`, timeoutMs, () =>
      exited ? `container ${container} is ${exited}` : undefined,
    );
  } catch (err) {
    const logs = await podman(['logs', '--tail', '30', container], { allowFailure: true });
    throw new Error(`${(err as Error).message}\n${logs.stdout}${logs.stderr}`);
  } finally {
    clearInterval(poll);
  }
  return Date.now() - started;
}

/**
 * What a running app container must do, reached at `baseUrl`: answer the probes its manifest
 * names, run as non-root, answer one real prediction, and export the metric its autoscaler reads.
 */
export async function checkServing(
  baseUrl: string,
  container: string,
  k8s: KubeObject[],
  spec: SmokeSpec,
  appDir: string,
): Promise<Report> {
  const probes = appContainer(k8s);
  for (const probe of [probes.startupProbe, probes.readinessProbe, probes.livenessProbe]) {
    const res = await fetch(new URL(probe.httpGet.path, baseUrl));
    if (!res.ok) throw new Error(`probe ${probe.httpGet.path} answered ${res.status}`);
  }
  const uid = (await podman(['exec', container, 'id', '-u'])).stdout.trim();
  if (uid === '0') throw new Error('the server runs as root');
  const answer = await sendSmoke(spec, baseUrl, appDir);
  checkSmoke(spec, answer);
  const metrics = await (await fetch(new URL('/metrics', baseUrl))).text();
  for (const name of podMetricNames(k8s)) {
    if (!new RegExp(`^${name}\\{`, 'm').test(metrics)) {
      throw new Error(`/metrics has no ${name} series, which the HPA scales on`);
    }
  }
  return { uid: Number(uid), predictionMs: answer.ms, answer: answer.body.slice(0, 120) };
}

/** The image's own HEALTHCHECK, run by podman inside the container. */
export async function checkHealthcheck(container: string): Promise<void> {
  await podman(['healthcheck', 'run', container]);
}

/** SIGTERM during a request: the request completes, then the process exits 0. */
export async function checkDrain(
  baseUrl: string,
  container: string,
  spec: SmokeSpec,
  appDir: string,
): Promise<Report> {
  const started = Date.now();
  const answer = await requestAcrossShutdown(spec, baseUrl, appDir, async () => {
    await podman(['kill', '--signal', 'SIGTERM', container]);
  });
  checkSmoke(spec, answer);
  const code = Number((await podman(['wait', container])).stdout.trim());
  if (code !== 0) throw new Error(`exit code ${code} after SIGTERM`);
  return { exitCode: code, drainMs: Date.now() - started };
}

/** The image starts and turns healthy with no network at all (its models are inside). */
export async function checkOffline(image: string, name: string): Promise<Report> {
  await podman(['rm', '-f', name], { allowFailure: true });
  await podman(['run', '-d', '--network', 'none', '--name', name, image]);
  const started = Date.now();
  try {
    for (;;) {
      const r = await podman(['healthcheck', 'run', name], { allowFailure: true });
      if (r.code === 0) return { healthyOfflineMs: Date.now() - started };
      if (Date.now() - started > 180_000)
        throw new Error(`not healthy offline: ${r.stdout}${r.stderr}`);
      await sleep(500);
    }
  } finally {
    await podman(['rm', '-f', '-t', '0', name], { allowFailure: true });
  }
}
