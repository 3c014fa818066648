import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  makeTempDir,
  matmulStackModel,
  writeTinyGpt2,
  type TinyGpt2Options,
} from '@shipml/test-utils';
import { afterAll } from 'vitest';

/** Repository root (packages/serve/src/__tests__ → ../../../..). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The toy generation pipeline shipped in examples/. */
export const alphabetPipeline = fileURLToPath(
  new URL('../../examples/alphabet-pipeline.mjs', import.meta.url),
);

/** A temp dir for this test file, removed after it; `write(name, bytes)` returns the path. */
export function modelDir(): { path: string; write(name: string, bytes: Uint8Array): string } {
  const dir = makeTempDir('shipml-serve-test-');
  afterAll(() => dir.remove());
  return {
    path: dir.path,
    write(name, bytes) {
      const path = join(dir.path, name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}

/** POST JSON body for an FP32 `x` input. */
export function fp32Input(shape: number[], data: number[], name = 'x') {
  return { name, shape, datatype: 'FP32', data };
}

/**
 * The value of `name{model="…",…}` in a Prometheus text exposition (0 when absent); `labels`
 * are the series' other labels, in their exported order.
 */
export function metricValue(
  text: string,
  name: string,
  model: string,
  labels: Record<string, string> = {},
): number {
  const set = Object.entries({ model, ...labels })
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  const line = new RegExp(`^${name}\\{${set}\\} (\\S+)$`, 'm').exec(text);
  return Number(line?.[1] ?? 0);
}

/**
 * A model slow enough that requests really queue behind a run: x [batch, 8] → 120 MatMuls,
 * 2048 wide → [batch, 4], tens of ms per row on one thread.
 */
export function slowModel(): Uint8Array {
  return matmulStackModel({ hiddenDim: 2048, layers: 120, inputDim: 8, outputDim: 4 });
}

/**
 * A tiny random GPT-2 folder (Hugging Face ONNX layout) in this test file's temp dir. Its
 * end-of-text logit is pushed down by default, so greedy streams run to their token limit.
 */
export function tinyGpt2(
  dir: { path: string },
  name: string,
  opts: TinyGpt2Options = { eosBias: -100 },
): string {
  const path = join(dir.path, name);
  mkdirSync(path);
  return writeTinyGpt2(path, opts);
}
