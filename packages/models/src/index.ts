export {
  DownloadError,
  DownloadTimeoutError,
  IntegrityError,
  ManifestError,
  ModelsError,
  OfflineError,
  SourceNotFoundError,
  UnknownModelError,
} from './errors.js';
export { pruneCache, removeModel, type Removal } from './cache-admin.js';
export { parseChecksumFile, type ExpectedDigest } from './checksum-file.js';
export {
  fetchChecksummed,
  type ChecksummedFile,
  type FetchChecksummedOptions,
} from './checksummed-download.js';
export { fetchVerified, type FetchVerifiedOptions } from './verified-download.js';
export { describeHubModel, type HubModel } from './describe-hub.js';
export { sha256File } from './hash.js';
export { saveModelEntry, type ModelEntryJson } from './manifest-write.js';
export { registerLocalModel, type LocalModel } from './register.js';
export {
  defaultModelId,
  loadManifest,
  parseManifest,
  type Manifest,
  type ModelEntry,
  type ModelFile,
  type Runtime,
} from './manifest.js';
export { cacheDirs, offlineFromEnv, type ResolveEvent, type ResolveOptions } from './options.js';
export {
  findModel,
  pullCommand,
  resolveModel,
  resolveModels,
  type ResolvedModel,
} from './resolve.js';
export { parseHubRepo, parseSource, type Source } from './source.js';
export { inspectModels, type FileStatus } from './status.js';
