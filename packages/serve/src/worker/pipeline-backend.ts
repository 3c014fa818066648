import { pathToFileURL } from 'node:url';
import { pipelineContext, type PipelineModule } from '../pipeline.js';
import type { TensorSpec } from '../types.js';
import type { LoadedModel } from './backend.js';

function isPipelineModule(value: unknown): value is PipelineModule {
  return typeof (value as PipelineModule | undefined)?.load === 'function';
}

/** Imports a pipeline module (its default export, or a named `load`) and loads it. */
export async function loadPipeline(
  path: string,
  threads: number,
  options: unknown,
  declared: { inputs?: TensorSpec[]; outputs?: TensorSpec[] },
): Promise<LoadedModel & { checksInputs: boolean }> {
  const mod = (await import(pathToFileURL(path).href)) as { default?: unknown; load?: unknown };
  const module = isPipelineModule(mod.default) ? mod.default : mod;
  if (!isPipelineModule(module)) {
    throw new Error(`${path} must export a pipeline: export default { load(ctx) { … } }`);
  }
  const p = await module.load(pipelineContext(options, threads));
  const inputs = declared.inputs ?? p.inputs;
  return {
    platform: 'shipml_pipeline',
    inputs: inputs ?? [],
    outputs: declared.outputs ?? p.outputs ?? [],
    checksInputs: inputs !== undefined,
    run: p.infer && ((feeds, parameters) => p.infer!(feeds, parameters ?? {})),
    generate: p.generate?.bind(p),
    warmup: p.warmup?.bind(p) ?? (async () => {}),
  };
}
