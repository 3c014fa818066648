import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from '@shipml/serve';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Container, Service } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appContainer,
  loadManifest,
  objectOf,
  podMetricNames,
  type KubeObject,
} from './manifests.js';
import { starterDir, starterNames } from './paths.js';
import { loadSmokeSpec } from './smoke-spec.js';

// Offline checks of every starter's container and Kubernetes files; `pnpm test:container` then
// builds and runs them. New starters copy these files from an existing one.
const starters = starterNames();
const FILES = [
  'Dockerfile',
  '.dockerignore',
  'deploy/apt-packages.txt',
  'deploy/smoke.json',
  'deploy/k8s/app.yaml',
  'deploy/k8s/prometheus-adapter-values.yaml',
  'deploy/k8s/inferenceservice.yaml',
];
// The starter the others are copied from (`pnpm gen recipe` starts from it too).
const REFERENCE = 'minimal';
const read = (name: string, file: string) => readFileSync(join(starterDir(name), file), 'utf8');

// The real server: the routes and metrics the manifests point at must be its own.
let server: Awaited<ReturnType<typeof createServer>>;
beforeAll(async () => {
  server = await createServer({ models: [] });
});
afterAll(() => server.close());

describe.each(starters)('starters/%s', (name) => {
  const dir = starterDir(name);

  it("has the container and Kubernetes files, the shared ones identical to the minimal starter's", () => {
    for (const file of FILES) expect(existsSync(join(dir, file)), file).toBe(true);
    const first = REFERENCE;
    for (const file of ['Dockerfile', '.dockerignore'])
      expect(read(name, file)).toBe(read(first, file));
    for (const file of FILES.filter((f) => f.startsWith('deploy/k8s/'))) {
      expect(read(name, file).replaceAll(name, '<app>'), file).toBe(
        read(first, file).replaceAll(first, '<app>'),
      );
    }
    expect(() => loadSmokeSpec(dir)).not.toThrow();
  });

  it('app.yaml holds a valid Deployment, Service, PodDisruptionBudget and HPA that point at each other', () => {
    const objects = loadManifest(dir, 'app.yaml');
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Service',
    ]);
    const deployment = new Deployment(objectOf(objects, 'Deployment') as never);
    const service = new Service(objectOf(objects, 'Service') as never);
    const pdb = new PodDisruptionBudget(objectOf(objects, 'PodDisruptionBudget') as never);
    const hpa = new HorizontalPodAutoscaler(objectOf(objects, 'HorizontalPodAutoscaler') as never);
    for (const object of [deployment, service, pdb, hpa])
      expect(() => object.validate()).not.toThrow();

    const podLabels = deployment.spec!.template.metadata!.labels!;
    expect(deployment.spec!.selector.matchLabels).toEqual(podLabels);
    expect(service.spec!.selector).toEqual(podLabels);
    expect(pdb.spec!.selector!.matchLabels).toEqual(podLabels);
    expect(hpa.spec!.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: name });

    const container = deployment.spec!.template.spec!.containers[0]!;
    const port = container.ports![0]!;
    expect([port.name, port.containerPort]).toContain(service.spec!.ports![0]!.targetPort);
    for (const probe of [
      container.startupProbe,
      container.readinessProbe,
      container.livenessProbe,
    ]) {
      expect(probe?.httpGet?.port).toBe(port.containerPort);
    }
    const env = Object.fromEntries(container.env!.map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ PORT: String(port.containerPort), HOST: '0.0.0.0' });
    expect(deployment.spec!.template.metadata!.annotations!['prometheus.io/port']).toBe(
      String(port.containerPort),
    );
    expect(deployment.spec!.template.spec!.securityContext!.runAsNonRoot).toBe(true);
  });

  it('probes the routes the server answers, and outlasts its drain before being killed', async () => {
    const container = appContainer(loadManifest(dir, 'app.yaml'));
    expect(container.startupProbe.httpGet.path).toBe('/v2/health/ready');
    expect(container.readinessProbe.httpGet.path).toBe('/v2/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/v2/health/live');
    for (const path of ['/v2/health/ready', '/v2/health/live']) {
      expect((await server.inject({ method: 'GET', url: path })).statusCode, path).toBe(200);
    }
    const deployment = objectOf(loadManifest(dir, 'app.yaml'), 'Deployment');
    const pod = (deployment.spec.template as { spec: Record<string, unknown> }).spec;
    const app = (
      pod.containers as { lifecycle: { preStop: { exec: { command: string[] } } } }[]
    )[0]!;
    const [sleep, seconds] = app.lifecycle.preStop.exec.command;
    expect(sleep).toBe('sleep');
    const drainSeconds = server.inference.drainTimeoutMs / 1000;
    expect(pod.terminationGracePeriodSeconds as number).toBeGreaterThan(
      Number(seconds) + drainSeconds,
    );
  });

  it('autoscales on a metric the server exports, through the prometheus-adapter rule shipped, with CPU as fallback', async () => {
    const objects = loadManifest(dir, 'app.yaml');
    const names = podMetricNames(objects);
    expect(names.length).toBeGreaterThan(0);
    const values = parse(read(name, 'deploy/k8s/prometheus-adapter-values.yaml')) as {
      rules: { custom: { seriesQuery: string; name: { as: string } }[] };
    };
    const metrics = (await server.inject({ method: 'GET', url: '/metrics' })).body;
    for (const metric of names) {
      const rule = values.rules.custom.find((r) => r.name.as === metric);
      expect(rule, `an adapter rule exposing ${metric}`).toBeDefined();
      const series = /^(\w+)/.exec(rule!.seriesQuery)![1]!;
      expect(metrics).toMatch(new RegExp(`^# TYPE ${series} gauge$`, 'm'));
    }
    const hpa = objectOf(objects, 'HorizontalPodAutoscaler');
    expect(hpa.spec.metrics).toContainEqual(
      expect.objectContaining({
        type: 'Resource',
        resource: expect.objectContaining({ name: 'cpu' }),
      }),
    );
  });

  it('runs the same image on KServe as a custom predictor with the same probes', () => {
    const [isvc] = loadManifest(dir, 'inferenceservice.yaml') as KubeObject[];
    expect(isvc).toMatchObject({
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
    });
    const predictor = isvc!.spec.predictor as { containers: object[] };
    const container = new Container(predictor.containers[0] as never);
    expect(() => container.validate()).not.toThrow();
    expect(container.name).toBe('kserve-container');
    const deployed = appContainer(loadManifest(dir, 'app.yaml'));
    expect(container.image).toBe(deployed.image);
    const env = Object.fromEntries(container.env!.map((e) => [e.name, e.value]));
    expect(env.PORT).toBe(String(container.ports![0]!.containerPort));
    expect(container.readinessProbe!.httpGet!.path).toBe(deployed.readinessProbe.httpGet.path);
    expect(container.livenessProbe!.httpGet!.path).toBe(deployed.livenessProbe.httpGet.path);
  });

  it('builds an image that runs as non-root, checks readiness, listens where the Deployment says', () => {
    const dockerfile = read(name, 'Dockerfile');
    const { ports, readinessProbe } = appContainer(loadManifest(dir, 'app.yaml'));
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${ports[0]!.containerPort}$`, 'm'));
    expect(dockerfile).toMatch(new RegExp(`^ENV .*PORT=${ports[0]!.containerPort}`, 'm'));
    expect(dockerfile).toMatch(/HOST=0\.0\.0\.0/);
    expect(dockerfile).toMatch(new RegExp(`^HEALTHCHECK [^]*?${readinessProbe.httpGet.path}`, 'm'));
    expect(dockerfile).toMatch(/shipml models pull/);
  });
});
