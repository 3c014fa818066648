import { parseArgs } from 'node:util';
import { pruneCache, removeModel } from '../cache-admin.js';
import { ModelsError, OfflineError } from '../errors.js';
import { loadManifest } from '../manifest.js';
import { resolveModel, resolveModels } from '../resolve.js';
import { formatBytes } from './format.js';
import { add } from './add-command.js';
import { list, verify } from './inspect-commands.js';
import { createProgress } from './progress.js';
import { UsageError } from './usage-error.js';

export interface Io {
  stdout: { write(s: string): boolean; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): boolean; isTTY?: boolean; columns?: number };
}

export const USAGE = `Usage: shipml models <command> [options]

Commands:
  pull [id...]     download what the manifest declares (every model by default)
  list             the manifest's models, their sizes, and whether they are on disk
  verify [id...]   re-hash every present file against the manifest's sha256
  path <id>        print the local path of a model's main file (--file <name> for another)
  rm <id...>       remove a model's downloaded files from the cache
  prune            delete interrupted downloads, stale locks and unreferenced blobs
  add hf:<owner>/<repo>[@revision] --runtime <r> --files <a,b,...>
                   declare a hub model: pins the commit the revision is at, records each
                   file's sha256 and size and the model card's license, writes the entry
                   into models.json

Options:
  --manifest <file>   models.json, or a package.json with "shipml.models", or their folder
                      (default: ./models.json, then ./package.json)
  --cache-dir <dir>   cache root (default: SHIPML_CACHE, else the Hugging Face cache)
  --file <name>       path: a declared file other than the main one
  --json              list, verify: machine-readable output
  --dry-run           prune, rm: only list what would be deleted
  --id <id>           add: the entry's id (default: the repo's name)
  --runtime <r>       add: onnx, tfjs or transformers
  --files <a,b,...>   add: paths in the repo, the main model file first
  --task, --description <text>   add: the entry's other fields
  --license <id>      add: the model's license (default: the license in the front matter of
                      the repo's README.md; a warning when it has none)
  --default           add: make it the manifest's "default" (the model the app serves)
  -h, --help          this text

Environment: SHIPML_OFFLINE=1 or HF_HUB_OFFLINE=1 (no network), SHIPML_CACHE, HF_HOME,
HF_HUB_CACHE, HF_ENDPOINT (a hub mirror), HF_TOKEN (gated or private repos).
`;

/** Runs `shipml <argv>`; returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function main(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        manifest: { type: 'string' },
        'cache-dir': { type: 'string' },
        file: { type: 'string' },
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        id: { type: 'string' },
        runtime: { type: 'string' },
        files: { type: 'string' },
        task: { type: 'string' },
        description: { type: 'string' },
        license: { type: 'string' },
        default: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    io.stderr.write(`shipml: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = args;
  const [group, command, ...ids] = positionals;
  if (v.help || !group) {
    (v.help ? io.stdout : io.stderr).write(USAGE);
    return v.help ? 0 : 2;
  }
  try {
    if (group !== 'models') throw new UsageError(`unknown command "${group}"`);
    const print = (s: string) => io.stdout.write(`${s}\n`);
    // add writes the manifest (creating it when missing) rather than reading one.
    if (command === 'add') {
      if (ids.length > 1) throw new UsageError('add takes one hub repo');
      return await add(ids[0], v, print, (s) => io.stderr.write(`shipml: warning: ${s}\n`));
    }
    const manifest = await loadManifest(v.manifest ?? process.cwd());
    const cacheDir = v['cache-dir'];
    const opts = cacheDir ? { cacheDir } : {};
    switch (command) {
      case 'pull': {
        const progress = createProgress(io.stderr);
        const models = await resolveModels(manifest, {
          ...opts,
          ids: ids.length ? ids : undefined,
          onEvent: progress.onEvent,
        });
        progress.finish();
        for (const m of Object.values(models)) print(`${m.id}  ready  ${m.path}`);
        return 0;
      }
      case 'list':
        return await list(manifest, opts, v.json, print);
      case 'verify':
        return await verify(
          manifest,
          { ...opts, ids: ids.length ? ids : undefined },
          v.json,
          print,
        );
      case 'path': {
        if (ids.length !== 1) throw new UsageError('path takes one model id');
        // `path` never downloads: scripts call it to find files, not to fetch them.
        const model = await resolveModel(manifest, ids[0]!, { ...opts, offline: true }).catch(
          (err: unknown) => {
            if (!(err instanceof OfflineError)) throw err;
            throw new OfflineError(
              `${ids[0]} is not downloaded yet (missing: ${err.missing.join(', ')}); fetch it with:\n  ${err.command}`,
              err.missing,
              err.command,
            );
          },
        );
        const path = v.file ? model.files[v.file] : model.path;
        if (!path)
          throw new UsageError(
            `model ${model.id} declares no file "${v.file}"; it has ${Object.keys(model.files).join(', ')}`,
          );
        print(path);
        return 0;
      }
      case 'rm': {
        if (ids.length === 0) throw new UsageError('rm needs at least one model id');
        for (const id of ids) {
          const r = await removeModel(manifest, id, { ...opts, dryRun: v['dry-run'] });
          for (const p of r.removed) print(`${v['dry-run'] ? 'would remove' : 'removed'} ${p}`);
          print(
            `${id}: ${r.removed.length === 0 ? 'nothing cached' : `${formatBytes(r.bytes)} freed`}`,
          );
        }
        return 0;
      }
      case 'prune': {
        const r = await pruneCache(manifest, { ...opts, dryRun: v['dry-run'] });
        for (const p of r.removed) print(`${v['dry-run'] ? 'would remove' : 'removed'} ${p}`);
        print(
          `${r.removed.length} file(s), ${formatBytes(r.bytes)}${v['dry-run'] ? ' would be' : ''} freed`,
        );
        return 0;
      }
      default:
        throw new UsageError(
          command ? `unknown command "models ${command}"` : 'missing command after "models"',
        );
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`shipml: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ModelsError) {
      io.stderr.write(`shipml: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
