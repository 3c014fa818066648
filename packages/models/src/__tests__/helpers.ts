import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest, type Manifest } from '../manifest.js';

/** Lower-case hex sha256 of some bytes. */
export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Deterministic pseudo-random bytes (so each test file has its own content). */
export function bytes(n: number, seed = 1): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export interface TestModel {
  id: string;
  runtime?: string;
  files: { name: string; source: string; data: Buffer; sha256?: string }[];
}

/** Writes `<dir>/models.json` for these models (hash and size taken from `data`) and loads it. */
export async function writeManifest(dir: string, models: TestModel[]): Promise<Manifest> {
  mkdirSync(dir, { recursive: true });
  const json = {
    models: models.map((m) => ({
      id: m.id,
      runtime: m.runtime ?? 'onnx',
      files: m.files.map((f) => ({
        name: f.name,
        source: f.source,
        sha256: f.sha256 ?? sha256(f.data),
        size: f.data.length,
      })),
    })),
  };
  writeFileSync(join(dir, 'models.json'), JSON.stringify(json, null, 2));
  return loadManifest(join(dir, 'models.json'));
}

/** A 40-hex commit id derived from a label. */
export const commitId = (label: string): string => sha256(Buffer.from(label)).slice(0, 40);
