// The library behind the create-shipml CLI: list the packed starters, and turn one into an
// app's files through the named transforms. The monorepo's generator and tests use it too.
export { commandsFor, detectPackageManager, type PackageManager } from './package-manager.js';
export { ownVersion, shipmlVersions, templatesRoot } from './paths.js';
export {
  createFiles,
  transformManifest,
  transformPackageJson,
  transformReadme,
  type CreateRequest,
  type ProjectFile,
} from './template/create-files.js';
export { trackedFiles, walkFiles } from './template/project-files.js';
export {
  localPackages,
  localRanges,
  publishedRanges,
  type ShipmlRange,
} from './template/shipml-ranges.js';
export {
  findStarter,
  listStarters,
  loadStarter,
  type HubModelKind,
  type Starter,
  type StarterModel,
} from './template/starters.js';
export { kubernetesName, namesTheApp, renameApp } from './transforms/app-name.js';
export { chooseDefaultModel } from './transforms/default-model.js';
export { useHubModel } from './transforms/hub-model.js';
export { packedPath, unpackedPath } from './transforms/dotfiles.js';
export { setPackageIdentity, type PackageIdentity } from './transforms/package-identity.js';
export {
  DEPENDENCY_FIELDS,
  parsePackageJson,
  stringifyPackageJson,
  type PackageJson,
} from './transforms/package-json.js';
export { useRunCommands } from './transforms/readme-commands.js';
export { dropMonorepoLines } from './transforms/readme-monorepo.js';
export { resolveShipmlLocally } from './transforms/local-resolutions.js';
export { pinShipmlDependencies } from './transforms/shipml-dependencies.js';
export { isInside, writeProject } from './write.js';
export * from './errors.js';
