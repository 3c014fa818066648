import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { podman } from './exec.js';
import type { KubeObject } from './manifests.js';

export interface PlayedApp {
  /** e.g. `http://127.0.0.1:41234` */
  baseUrl: string;
  /** The app container's name, as podman names it (`<deployment>-pod-0-<container>`). */
  container: string;
  /** `podman kube down`: stops and removes the pod. */
  down(): Promise<void>;
}

/**
 * Starts an app's `deploy/k8s/app.yaml` with `podman kube play`: its Deployment (one replica, so
 * a single host port will do) with the image, probes, security context and env it names, and the
 * port its Service exposes published on loopback at `hostPort`. Kinds podman does not run
 * (PodDisruptionBudget, HorizontalPodAutoscaler) are in the file and skipped by podman.
 */
export async function kubePlay(appDir: string, hostPort: number): Promise<PlayedApp> {
  const source = readFileSync(join(appDir, 'deploy', 'k8s', 'app.yaml'), 'utf8');
  const docs = parseAllDocuments(source);
  let container = '';
  for (const doc of docs) {
    const obj = doc.toJS() as KubeObject;
    if (obj.kind !== 'Deployment') continue;
    doc.setIn(['spec', 'replicas'], 1);
    const name = doc.getIn(['spec', 'template', 'spec', 'containers', 0, 'name']) as string;
    doc.setIn(['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'hostIP'], '127.0.0.1');
    doc.setIn(['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'hostPort'], hostPort);
    container = `${obj.metadata.name}-pod-0-${name}`;
  }
  if (!container) throw new Error('deploy/k8s/app.yaml has no Deployment');
  const file = join(mkdtempSync(join(tmpdir(), 'shipml-kube-')), 'app.yaml');
  writeFileSync(file, docs.map((d) => d.toString()).join('---\n'));
  const down = async () => {
    await podman(['kube', 'down', file], { allowFailure: true });
  };
  await down(); // a pod left by an interrupted run
  try {
    await podman(['kube', 'play', file]);
  } catch (err) {
    await down();
    throw err;
  }
  return { baseUrl: `http://127.0.0.1:${hostPort}`, container, down };
}
