import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GptConfig } from '../train/gpt-config.js';
import { parameterShapes, type GptWeights } from '../train/weights.js';
import { gptToOnnx } from './gpt-onnx.js';
import { fromHfConfig, hfConfig, hfGenerationConfig } from './hf-config.js';
import { decodeOnnxInitializers } from './onnx-graph.js';
import { tokenizerConfigJson, tokenizerJson } from './tokenizer-files.js';

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/**
 * Writes a model folder in the Hugging Face hub's ONNX layout: config.json,
 * generation_config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx.
 * The ONNX file is the single copy of the weights (fine-tuning reads them back from it).
 */
export async function writeModelFolder(
  dir: string,
  c: GptConfig,
  weights: GptWeights,
): Promise<void> {
  // Written beside the target, then swapped in: a run stopped half-way leaves the previous
  // folder whole, never a mix of old and new files.
  const staging = `${dir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'onnx'), { recursive: true });
  await writeFile(join(staging, 'config.json'), json(hfConfig(c)));
  await writeFile(join(staging, 'generation_config.json'), json(hfGenerationConfig(c)));
  await writeFile(join(staging, 'tokenizer.json'), json(tokenizerJson()));
  await writeFile(join(staging, 'tokenizer_config.json'), json(tokenizerConfigJson(c.nPositions)));
  await writeFile(join(staging, 'onnx', 'model.onnx'), gptToOnnx(c, weights));
  // Files of the folder this one replaces that it does not write itself (its model card,
  // training.json) stay with it.
  const written = new Set(await readdir(staging));
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!written.has(name)) await cp(join(dir, name), join(staging, name), { recursive: true });
  }
  const previous = `${dir}.previous-${process.pid}`;
  const existed = await rename(dir, previous).then(
    () => true,
    () => false,
  );
  await rename(staging, dir);
  if (existed) await rm(previous, { recursive: true, force: true });
}

/** Reads a folder written by {@link writeModelFolder} back into a config and weights. */
export async function readModelFolder(
  dir: string,
): Promise<{ config: GptConfig; weights: GptWeights }> {
  const config = fromHfConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
  const stored = decodeOnnxInitializers(await readFile(join(dir, 'onnx', 'model.onnx')));
  const weights = parameterShapes(config).map(({ name, shape }) => {
    const t = stored.get(name);
    if (!t || t.dims.join() !== shape.join())
      throw new Error(`${dir}: onnx/model.onnx lacks ${name} [${shape}]`);
    return { name, shape, data: t.data };
  });
  return { config, weights };
}
