import { DownloadError, DownloadTimeoutError, ManifestError, OfflineError } from './errors.js';
import { sha256File } from './hash.js';
import { headHubFile } from './hub.js';
import { readHubLicense } from './hub-license.js';
import { withHubTempFile } from './hub-temp-download.js';
import type { Runtime } from './manifest.js';
import type { ModelEntryJson } from './manifest-write.js';
import { settings, type ResolveOptions, type Settings } from './options.js';
import { TransientError } from './retry.js';
import { isSafeRelativePath, type HubSource } from './source.js';

/** A model on the Hugging Face hub to declare: which repo, which revision, which files. */
export interface HubModel {
  /** `owner/name`, e.g. `Xenova/distilgpt2`. */
  repo: string;
  /** Branch, tag or commit; default `main`. The entry pins the commit it is at now. */
  revision?: string;
  /** Paths inside the repo; the first is the main model file, e.g. `onnx/model.onnx`. */
  files: string[];
  /** The entry's id in the manifest. */
  id: string;
  runtime: Runtime;
  task?: string;
  description?: string;
  /** When not given, read from the model card (see {@link describeHubModel}). */
  license?: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Looks a hub model up and returns its manifest entry, ready for {@link saveModelEntry}:
 * each file's source pinned to the commit the revision is at now
 * (`hf:owner/name@<40-hex commit>/path`), with its sha256 and size. For files in Git LFS
 * (weights) the hub's metadata says both (X-Linked-Etag, X-Linked-Size), so nothing large is
 * downloaded; plain files (configs, tokenizers) are downloaded and hashed.
 * Honours `HF_ENDPOINT`/`endpoint` (a mirror) and `HF_TOKEN`/`token`. Throws
 * {@link SourceNotFoundError} for a repo, revision or file the hub does not have,
 * {@link DownloadError} when the hub cannot be reached, {@link OfflineError} in offline mode.
 *
 * Without `model.license`, the licence is read from the model card (the `license` of the
 * front matter of README.md at the pinned commit, at most 64 KiB of it); when the card has
 * none, or cannot be fetched, the entry has no licence and `opts.onLicenseMissing` is told why
 * (e.g. `the repo has no README.md`).
 */
export async function describeHubModel(
  model: HubModel,
  opts: ResolveOptions & { onLicenseMissing?: (reason: string) => void } = {},
): Promise<ModelEntryJson> {
  const s = settings(opts);
  const revision = model.revision ?? 'main';
  const bad = model.files.find((f) => !isSafeRelativePath(f));
  if (model.files.length === 0 || bad !== undefined) {
    throw new ManifestError(
      bad === undefined
        ? `${model.repo}: name at least one file of the repo`
        : `${model.repo}: "${bad}" is not a relative path inside the repo`,
    );
  }
  if (s.offline) {
    throw new OfflineError(
      `Cannot look up ${model.repo} on the hub: offline mode is on (SHIPML_OFFLINE or HF_HUB_OFFLINE)`,
      model.files,
      '',
    );
  }
  const files: ModelEntryJson['files'] = [];
  let commit: string | undefined;
  for (const path of model.files) {
    // The first file finds the commit; the others are asked for at that commit, so every
    // file of the entry comes from the same snapshot even if the branch moves meanwhile.
    const at = commit ?? revision;
    const src: HubSource = { kind: 'hf', repoType: 'model', repo: model.repo, revision: at, path };
    const what = `${model.repo}@${at}/${path}`;
    const info = await headHubFile(what, src, s, { model: model.id, file: path }).catch(
      (err: unknown) => {
        throw unreachable(err, s, model.repo) ?? err;
      },
    );
    commit ??= info.commit;
    const measured =
      SHA256.test(info.etag) && info.size !== undefined
        ? { sha256: info.etag, size: info.size }
        : await withHubTempFile(what, info, s, { model: model.id, file: path }, (p, size) =>
            sha256File(p).then((sha256) => ({ sha256, size })),
          );
    files.push({ name: path, source: `hf:${model.repo}@${commit}/${path}`, ...measured });
  }
  let license = model.license;
  if (!license) {
    const card = await readHubLicense(model.repo, commit!, s, model.id);
    if ('license' in card) license = card.license;
    else opts.onLicenseMissing?.(card.missing);
  }
  if (license) for (const f of files) f.license = license;
  return {
    id: model.id,
    ...(model.task ? { task: model.task } : {}),
    runtime: model.runtime,
    ...(model.description ? { description: model.description } : {}),
    ...(license ? { license } : {}),
    files,
  };
}

/** A clear error when the hub did not answer at all (DNS, refused, timed out), else undefined. */
function unreachable(err: unknown, s: Settings, repo: string): Error | undefined {
  const cause = (err as { cause?: unknown }).cause;
  const network = cause instanceof TransientError && cause.kind !== 'status';
  if (!(err instanceof DownloadTimeoutError) && !(err instanceof DownloadError && network)) {
    return undefined;
  }
  return new DownloadError(
    `Cannot reach the Hugging Face hub at ${s.endpoint} to look up ${repo} (${(cause as Error).message}). ` +
      'Check the internet connection (or a proxy), or set HF_ENDPOINT to a reachable mirror.',
    undefined,
    { cause: err },
  );
}
