import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelEntryJson } from '@shipml/models';
import type { PackageManager } from '../package-manager.js';
import { kubernetesName, namesTheApp, renameApp } from '../transforms/app-name.js';
import { chooseDefaultModel } from '../transforms/default-model.js';
import { unpackedPath } from '../transforms/dotfiles.js';
import { resolveShipmlLocally } from '../transforms/local-resolutions.js';
import { setPackageIdentity } from '../transforms/package-identity.js';
import { useHubModel } from '../transforms/hub-model.js';
import {
  parsePackageJson,
  stringifyPackageJson,
  type PackageJson,
} from '../transforms/package-json.js';
import { useRunCommands } from '../transforms/readme-commands.js';
import { dropMonorepoLines } from '../transforms/readme-monorepo.js';
import { pinShipmlDependencies } from '../transforms/shipml-dependencies.js';
import type { ShipmlRange } from './shipml-ranges.js';
import { walkFiles } from './project-files.js';
import type { Starter } from './starters.js';

/** One file of the created app: POSIX path relative to its root, and its bytes. */
export interface ProjectFile {
  path: string;
  contents: Buffer;
}

/** What to create from a packed starter. */
export interface CreateRequest {
  starter: Starter;
  /** The app's package name. */
  packageName: string;
  /** A model id of `starter.models`, or a hub repo `owner/name[@revision]` (see `hubEntry`). */
  model: string;
  /** For a hub repo `model`: its pinned manifest entry (from `pinHubModel`), the app's default. */
  hubEntry?: ModelEntryJson;
  /** The package manager the README's commands speak. */
  pm: PackageManager;
  /** create-shipml's version, recorded as `shipml.createdWith`. */
  createdWith: string;
  /** The range each `workspace:` dependency becomes. */
  shipmlRange: ShipmlRange;
  /** `--local`: the checkout's packages (name → `file:` range), written as `resolutions`. */
  localPackages?: Record<string, string>;
}

/** The chosen model in package.json and models.json: a models.json entry, or a pinned hub entry. */
function chooseModel(pkg: PackageJson, modelsJson: string, req: CreateRequest) {
  return req.hubEntry
    ? useHubModel(pkg, modelsJson, req.model, req.hubEntry)
    : chooseDefaultModel(pkg, modelsJson, req.model);
}

/** The app's package.json from the starter's: identity, pinned @shipml ranges, chosen model. */
export function transformPackageJson(text: string, req: CreateRequest, modelsJson: string): string {
  const named = setPackageIdentity(parsePackageJson(text), {
    name: req.packageName,
    recipe: req.starter.name,
    createdWith: req.createdWith,
  });
  const pinned = pinShipmlDependencies(named, req.shipmlRange);
  const linked = req.localPackages ? resolveShipmlLocally(pinned, req.localPackages) : pinned;
  return stringifyPackageJson(chooseModel(linked, modelsJson, req).pkg);
}

/** The app's README from the starter's: no monorepo-only lines, commands for `pm`. */
export function transformReadme(text: string, pm: PackageManager): string {
  return useRunCommands(dropMonorepoLines(text), pm);
}

/** The app's Kubernetes manifests from the starter's: its objects and image named after the app. */
export function transformManifest(text: string, req: CreateRequest): string {
  return renameApp(text, req.starter.name, kubernetesName(req.packageName));
}

/**
 * The app's files in memory: the starter's files as they are, except for the named transforms
 * (package.json, models.json for another model or a hub model, README.md, the names in deploy/k8s/*.yaml,
 * `_gitignore`/`_npmrc` names).
 * Sorted by path.
 */
export function createFiles(req: CreateRequest): ProjectFile[] {
  const dir = req.starter.dir;
  const read = (rel: string) => readFileSync(join(dir, rel));
  const files = walkFiles(dir);
  const modelsJson = files.includes('models.json') ? read('models.json').toString() : '{}';
  return files
    .map((rel): ProjectFile => {
      const path = unpackedPath(rel);
      const text = () => read(rel).toString('utf8');
      if (path === 'package.json') {
        return { path, contents: Buffer.from(transformPackageJson(text(), req, modelsJson)) };
      }
      if (path === 'models.json') {
        const pkg = { shipml: { defaultModel: req.starter.defaultModel } };
        const chosen = chooseModel(pkg, modelsJson, req).modelsJson;
        return { path, contents: chosen === modelsJson ? read(rel) : Buffer.from(chosen) };
      }
      if (path === 'README.md')
        return { path, contents: Buffer.from(transformReadme(text(), req.pm)) };
      if (namesTheApp(path)) return { path, contents: Buffer.from(transformManifest(text(), req)) };
      return { path, contents: read(rel) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
