import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeHubModel } from '../describe-hub.js';
import { RUNTIMES, type Runtime } from '../manifest.js';
import { saveModelEntry } from '../manifest-write.js';
import { parseHubRepo } from '../source.js';
import { formatBytes } from './format.js';
import { UsageError } from './usage-error.js';

/** The flags `shipml models add` reads. */
export interface AddFlags {
  manifest?: string;
  id?: string;
  runtime?: string;
  files?: string;
  task?: string;
  description?: string;
  license?: string;
  default: boolean;
}

/**
 * `shipml models add hf:<owner>/<repo>[@revision] --runtime <r> --files a,b,c [--id <id>]
 * [--default]`: pins the commit the revision is at, measures every file (the hub's LFS
 * metadata, or a download of the small ones), takes the licence from --license or else the
 * model card, and writes the entry into models.json. A licence it cannot find is a `warn`ing.
 */
export async function add(
  spec: string | undefined,
  v: AddFlags,
  print: (s: string) => void,
  warn: (s: string) => void,
): Promise<number> {
  const ref = spec === undefined ? undefined : parseHubRepo(spec);
  if (!ref) throw new UsageError('add takes one hub repo: hf:<owner>/<repo>[@revision]');
  if (!RUNTIMES.includes(v.runtime as Runtime)) {
    throw new UsageError(`add needs --runtime ${RUNTIMES.join('|')}`);
  }
  const files = (v.files ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (files.length === 0) {
    throw new UsageError(
      'add needs --files <path,...>: the repo files the model needs, main first',
    );
  }
  const manifestPath = await manifestFile(v.manifest);
  const entry = await describeHubModel(
    {
      repo: ref.repo,
      revision: ref.revision,
      files,
      id: v.id ?? basename(ref.repo),
      runtime: v.runtime as Runtime,
      ...(v.task ? { task: v.task } : {}),
      ...(v.description ? { description: v.description } : {}),
      ...(v.license ? { license: v.license } : {}),
    },
    {
      onLicenseMissing: (reason) =>
        warn(
          `no license recorded for ${ref.repo}: ${reason}; look it up on the hub and add it with --license <id> (e.g. --license apache-2.0)`,
        ),
    },
  );
  const saved = await saveModelEntry(manifestPath, entry, { makeDefault: v.default });
  const commit = /@([0-9a-f]{40})\//.exec(entry.files[0]!.source)?.[1];
  const bytes = saved.files.reduce((n, f) => n + f.size, 0);
  print(
    `${saved.id}  ${ref.repo}@${ref.revision} → commit ${commit}  ${saved.files.length} file(s), ${formatBytes(bytes)}`,
  );
  print(
    `written to ${manifestPath}${v.default ? ' as "default"' : ''}${saved.license ? `, license ${saved.license}` : ''}`,
  );
  print(`download it now with: shipml models pull ${saved.id}`);
  return 0;
}

/** models.json to write: --manifest (a file or its folder), else ./models.json. */
async function manifestFile(given: string | undefined): Promise<string> {
  const path = resolve(given ?? 'models.json');
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) return join(path, 'models.json');
  // A new manifest is created, but only as a .json file in a folder that exists.
  if (!info && !path.endsWith('.json')) {
    throw new UsageError(`--manifest: no such file or folder ${path}`);
  }
  if (!(await stat(dirname(path)).catch(() => null))?.isDirectory()) {
    throw new UsageError(`--manifest: no folder ${dirname(path)} to write ${basename(path)} in`);
  }
  return path;
}
