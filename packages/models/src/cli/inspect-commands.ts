import type { Manifest } from '../manifest.js';
import { cacheDirs } from '../options.js';
import { inspectModels, type FileStatus } from '../status.js';
import { formatBytes, table } from './format.js';

/** `shipml models list`: per model, its size and whether it is on disk (table or --json). */
export async function list(
  manifest: Manifest,
  opts: { cacheDir?: string },
  json: boolean,
  print: (s: string) => void,
): Promise<number> {
  const statuses = await inspectModels(manifest, opts);
  const models = manifest.models.map((m) => {
    const files = statuses.filter((s) => s.model === m.id);
    const bad = files.filter((f) => f.state === 'missing' || f.state === 'mismatch');
    const state =
      bad.length > 0
        ? bad.some((f) => f.state === 'mismatch')
          ? 'mismatch'
          : 'missing'
        : files.every((f) => f.state === 'local')
          ? 'local'
          : 'cached';
    return {
      id: m.id,
      runtime: m.runtime,
      task: m.task,
      size: files.reduce((n, f) => n + f.size, 0),
      state,
      files,
    };
  });
  if (json) {
    print(
      JSON.stringify({ manifest: manifest.path, cache: cacheDirs(opts.cacheDir), models }, null, 2),
    );
    return 0;
  }
  const rows = [['ID', 'RUNTIME', 'TASK', 'FILES', 'SIZE', 'STATUS']];
  for (const m of models) {
    const missing = m.files.filter((f) => f.state !== 'local' && f.state !== 'cached').length;
    const status = missing > 0 ? `${m.state} (${missing} of ${m.files.length} files)` : m.state;
    rows.push([
      m.id,
      m.runtime,
      m.task ?? '-',
      String(m.files.length),
      formatBytes(m.size),
      status,
    ]);
  }
  print(table(rows));
  const dirs = cacheDirs(opts.cacheDir);
  print(`\nmanifest: ${manifest.path}\ncache:    ${dirs.hub} (hub), ${dirs.url} (URLs)`);
  return 0;
}

/** `shipml models verify`: re-hashes every present file; exit code 1 when any is missing or wrong. */
export async function verify(
  manifest: Manifest,
  opts: { cacheDir?: string; ids?: string[] | undefined },
  json: boolean,
  print: (s: string) => void,
): Promise<number> {
  const statuses: FileStatus[] = await inspectModels(manifest, { ...opts, check: 'hash' });
  const failed = statuses.filter((s) => s.state === 'missing' || s.state === 'mismatch');
  if (json) print(JSON.stringify(statuses, null, 2));
  else {
    for (const s of statuses) {
      const label = { local: 'ok', cached: 'ok', missing: 'MISSING', mismatch: 'MISMATCH' }[
        s.state
      ];
      print(`${label.padEnd(8)} ${s.model}/${s.file}  ${s.detail ?? s.path ?? s.source}`);
    }
    print(
      failed.length === 0
        ? `all ${statuses.length} file(s) match the manifest`
        : `${failed.length} of ${statuses.length} file(s) failed`,
    );
  }
  return failed.length === 0 ? 0 : 1;
}
