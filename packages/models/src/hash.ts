import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { IntegrityError } from './errors.js';

/** Streams a file through sha256; returns lower-case hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

// Files already hashed by this process, keyed by identity + size + mtime, so resolving the
// same model twice (e.g. several servers in one test run) does not re-read it.
const verified = new Map<string, string>();

/**
 * Checks a file against the manifest's size and (unless `mode` is 'size') sha256.
 * Throws {@link IntegrityError} naming expected and actual values.
 */
export async function verifyFile(
  path: string,
  expected: { sha256: string; size: number },
  what: string,
  mode: 'hash' | 'size' = 'hash',
): Promise<void> {
  const info = await stat(path);
  if (info.size !== expected.size) {
    throw new IntegrityError(
      `${what}: size mismatch at ${path}: expected ${expected.size} bytes, got ${info.size}`,
      String(expected.size),
      String(info.size),
    );
  }
  if (mode === 'size') return;
  const key = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
  const actual = verified.get(key) ?? (await sha256File(path));
  if (actual !== expected.sha256) {
    verified.delete(key);
    throw new IntegrityError(
      `${what}: sha256 mismatch at ${path}: expected ${expected.sha256}, got ${actual}`,
      expected.sha256,
      actual,
    );
  }
  verified.set(key, actual);
}
