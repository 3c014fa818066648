import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestError } from './errors.js';
import { isSafeRelativePath, parseSource, type Source } from './source.js';

export type Runtime = 'onnx' | 'tfjs' | 'transformers';
export const RUNTIMES: readonly Runtime[] = ['onnx', 'tfjs', 'transformers'];

/** One file of a model, as declared. */
export interface ModelFile {
  /** Name the file gets beside the others of its model, e.g. `model.onnx` or `onnx/model.onnx`. */
  name: string;
  /** The source string as written in the manifest. */
  source: string;
  /** The parsed source. */
  parsed: Source;
  /** Lower-case hex sha256 of the file's bytes. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  license?: string;
}

/** One model entry of a manifest. */
export interface ModelEntry {
  id: string;
  task?: string;
  runtime: Runtime;
  description?: string;
  license?: string;
  /** Never empty; the first file is the main model file. */
  files: ModelFile[];
}

/** A validated manifest. */
export interface Manifest {
  /** Absolute path of the file it was read from (models.json or package.json). */
  path: string;
  /** Directory that `file:` and `npm:` sources resolve from. */
  dir: string;
  models: ModelEntry[];
  /** The entry an app serves when it serves one model (`"default"` in the file); an id in `models`. */
  default?: string;
}

const MODEL_KEYS = new Set(['id', 'task', 'runtime', 'description', 'license', 'files']);
const FILE_KEYS = new Set(['name', 'source', 'sha256', 'size', 'license']);

/**
 * Reads and validates a manifest. `input` is a `models.json` path or URL, a `package.json`
 * with a `shipml.models` array, or a directory holding either (models.json wins).
 * Throws {@link ManifestError} listing every problem (which entry, which field).
 */
export async function loadManifest(input: string | URL): Promise<Manifest> {
  let path = input instanceof URL ? fileURLToPath(input) : resolve(input);
  const info = await stat(path).catch((err: unknown) => {
    throw new ManifestError(`Cannot read manifest ${path}: ${(err as Error).message}`, [], {
      cause: err,
    });
  });
  if (info.isDirectory()) {
    const dir = path;
    path = join(dir, 'models.json');
    if (!(await stat(path).catch(() => null))) path = join(dir, 'package.json');
    if (!(await stat(path).catch(() => null))) {
      throw new ManifestError(`No models.json (or package.json with "shipml.models") in ${dir}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ManifestError(`Cannot read manifest ${path}: ${(err as Error).message}`, [], {
      cause: err,
    });
  }
  if (basename(path) === 'package.json') {
    const shipml = (json as { shipml?: unknown } | null)?.shipml;
    if (shipml === undefined)
      throw new ManifestError(`${path} has no "shipml": { "models": [...] } field`);
    json = shipml;
  }
  return parseManifest(json, path);
}

/** Validates already-parsed JSON; `path` is where it came from (for messages and relative sources). */
export function parseManifest(json: unknown, path: string): Manifest {
  const problems: string[] = [];
  const models: ModelEntry[] = [];
  if (!isObject(json) || !Array.isArray(json.models)) {
    problems.push('expected an object with a "models" array');
  } else {
    for (const key of Object.keys(json)) {
      if (key !== 'models' && key !== 'default' && !key.startsWith('$'))
        problems.push(`unknown top-level field "${key}"`);
    }
    const seen = new Set<string>();
    json.models.forEach((raw, i) => {
      const entry = parseModel(raw, `models[${i}]`, problems);
      if (!entry) return;
      if (seen.has(entry.id)) problems.push(`models[${i}] ("${entry.id}"): duplicate id`);
      seen.add(entry.id);
      models.push(entry);
    });
  }
  const fallback = isObject(json) ? json.default : undefined;
  if (fallback !== undefined && !models.some((m) => m.id === fallback)) {
    problems.push(`"default": ${JSON.stringify(fallback)} is not the id of an entry in "models"`);
  }
  if (problems.length > 0) {
    throw new ManifestError(
      `Invalid model manifest ${path}:\n  - ${problems.join('\n  - ')}`,
      problems,
    );
  }
  const manifest: Manifest = { path, dir: dirname(path), models };
  if (typeof fallback === 'string') manifest.default = fallback;
  return manifest;
}

/**
 * The id of the model an app serves: the manifest's `"default"`, or its only entry.
 * Throws {@link ManifestError} when there are several entries and no default.
 */
export function defaultModelId(manifest: Manifest): string {
  if (manifest.default) return manifest.default;
  const [only, ...rest] = manifest.models;
  if (only && rest.length === 0) return only.id;
  throw new ManifestError(
    `${manifest.path} lists ${manifest.models.length} models and no "default": add "default": "<id>"`,
  );
}

function parseModel(raw: unknown, where: string, problems: string[]): ModelEntry | undefined {
  if (!isObject(raw)) {
    problems.push(`${where}: expected an object`);
    return undefined;
  }
  const id = raw.id;
  const at = typeof id === 'string' ? `${where} ("${id}")` : where;
  const before = problems.length;
  if (typeof id !== 'string' || !/^[a-z0-9][\w.-]*$/i.test(id)) {
    problems.push(`${at}.id: expected a name of letters, digits, "-", "_" or "."`);
  }
  for (const key of Object.keys(raw)) {
    if (!MODEL_KEYS.has(key) && !key.startsWith('$'))
      problems.push(`${at}: unknown field "${key}"`);
  }
  if (!RUNTIMES.includes(raw.runtime as Runtime)) {
    problems.push(
      `${at}.runtime: expected one of ${RUNTIMES.join(', ')}, got ${JSON.stringify(raw.runtime)}`,
    );
  }
  for (const key of ['task', 'description', 'license'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string')
      problems.push(`${at}.${key}: expected a string`);
  }
  const files: ModelFile[] = [];
  if (!Array.isArray(raw.files) || raw.files.length === 0) {
    problems.push(`${at}.files: expected a non-empty array`);
  } else {
    const names = new Set<string>();
    raw.files.forEach((f, j) => {
      const file = parseFile(f, `${at}.files[${j}]`, problems);
      if (!file) return;
      if (names.has(file.name))
        problems.push(`${at}.files[${j}].name: duplicate name "${file.name}"`);
      names.add(file.name);
      files.push(file);
    });
  }
  if (problems.length > before) return undefined;
  return {
    id: id as string,
    runtime: raw.runtime as Runtime,
    files,
    ...(typeof raw.task === 'string' && { task: raw.task }),
    ...(typeof raw.description === 'string' && { description: raw.description }),
    ...(typeof raw.license === 'string' && { license: raw.license }),
  };
}

function parseFile(raw: unknown, where: string, problems: string[]): ModelFile | undefined {
  if (!isObject(raw)) {
    problems.push(`${where}: expected an object`);
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) {
    if (!FILE_KEYS.has(key) && !key.startsWith('$'))
      problems.push(`${where}: unknown field "${key}"`);
  }
  const { name, source, sha256, size, license } = raw;
  if (typeof name !== 'string' || !isSafeRelativePath(name)) {
    problems.push(`${where}.name: expected a relative file name such as "model.onnx"`);
  }
  let parsed: Source | undefined;
  if (typeof source !== 'string') {
    problems.push(`${where}.source: expected a string`);
  } else {
    try {
      parsed = parseSource(source, `${where}.source`);
    } catch (err) {
      problems.push(...((err as { problems?: string[] }).problems ?? [String(err)]));
    }
  }
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(sha256)) {
    problems.push(`${where}.sha256: expected 64 hex characters, got ${JSON.stringify(sha256)}`);
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    problems.push(
      `${where}.size: expected a byte count (integer ≥ 0), got ${JSON.stringify(size)}`,
    );
  }
  if (license !== undefined && typeof license !== 'string')
    problems.push(`${where}.license: expected a string`);
  if (problems.length > before || !parsed) return undefined;
  return {
    name: name as string,
    source: source as string,
    parsed,
    sha256: (sha256 as string).toLowerCase(),
    size: size as number,
    ...(typeof license === 'string' && { license }),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
