/**
 * A name Kubernetes accepts for the app's objects and image (lower-case letters, digits and
 * dashes, starting and ending with a letter or digit): `@team/My_App` → `my-app`.
 */
export function kubernetesName(packageName: string): string {
  const bare = packageName.replace(/^@[^/]+\//, '');
  const name = bare
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name.slice(0, 63).replace(/-+$/, '') || 'app';
}

/**
 * Transform "app name": every whole-word mention of the starter's name `from` (its recipe name:
 * the Deployment, Service and image in `deploy/k8s/*.yaml`, `docker build -t <name>`) becomes
 * `to`. A mention inside a longer word (`@shipml/starter-<name>`) is left alone.
 */
export function renameApp(text: string, from: string, to: string): string {
  const word = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![\\w-])${word}(?![\\w-])`, 'g'), to);
}

/** The files the "app name" transform applies to in a created app: its Kubernetes manifests. */
export function namesTheApp(path: string): boolean {
  return /^deploy\/k8s\/[^/]+\.ya?ml$/.test(path);
}
