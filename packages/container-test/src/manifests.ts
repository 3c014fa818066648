import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as parsed from YAML (validated separately against kubernetes-models). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}

/** The objects of one YAML file of `<appDir>/deploy/k8s/`, in order. */
export function loadManifest(appDir: string, file: string): KubeObject[] {
  const text = readFileSync(join(appDir, 'deploy', 'k8s', file), 'utf8');
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
    return doc.toJS() as KubeObject;
  });
}

/** The one object of `kind` in `objects`. */
export function objectOf(objects: KubeObject[], kind: string): KubeObject {
  const found = objects.filter((o) => o.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
}

interface Probe {
  httpGet: { path: string; port?: number | string };
}
/** The parts of a Deployment's first container the checks read. */
export interface AppContainer {
  image: string;
  ports: { containerPort: number; name?: string; hostPort?: number; hostIP?: string }[];
  startupProbe: Probe;
  readinessProbe: Probe;
  livenessProbe: Probe;
}

/** The app container of the Deployment in `objects`. */
export function appContainer(objects: KubeObject[]): AppContainer {
  const deployment = objectOf(objects, 'Deployment');
  const template = deployment.spec.template as { spec: { containers: AppContainer[] } };
  return template.spec.containers[0]!;
}

/** Series names the HPA's `Pods` metrics read (as prometheus-adapter exposes them). */
export function podMetricNames(objects: KubeObject[]): string[] {
  const metrics = objectOf(objects, 'HorizontalPodAutoscaler').spec.metrics as {
    type: string;
    pods?: { metric: { name: string } };
  }[];
  return metrics.filter((m) => m.type === 'Pods').map((m) => m.pods!.metric.name);
}
