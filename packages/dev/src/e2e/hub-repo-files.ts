import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { HubFile } from './hub-mirror.js';

/** Where a folder goes on a {@link serveHubMirror} mirror. */
export interface HubRepoOptions {
  /** `owner/name` the folder is served as. */
  repo: string;
  /** 40-hex commit id the files are at. */
  commit: string;
  /** Branches or tags pointing at `commit` (default `['main']`). */
  refs?: string[];
  /**
   * Which paths the hub would keep in Git LFS (served by redirect, hashed in X-Linked-Etag).
   * Default: weights by extension (`.onnx`, `.bin`, `.safetensors`, …), as the hub's default
   * `.gitattributes` does; small text files such as `config.json` are plain Git files.
   */
  lfs?: (path: string) => boolean;
}

const LFS_EXTENSIONS = /\.(onnx|onnx_data|bin|safetensors|pt|pth|h5|msgpack|tflite|ot|model)$/;

/** Every file under `folder` as {@link HubFile}s of one repo commit (paths POSIX, sorted). */
export function hubRepoFiles(folder: string, opts: HubRepoOptions): HubFile[] {
  const lfs = opts.lfs ?? ((path: string) => LFS_EXTENSIONS.test(path));
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(folder, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
    .map((path) => ({
      repo: opts.repo,
      path,
      data: readFileSync(join(folder, path)),
      commit: opts.commit,
      refs: opts.refs ?? ['main'],
      lfs: lfs(path),
    }));
}
