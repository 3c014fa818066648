/**
 * Piscina worker entry: loads one model session per thread (from `workerData`), warms it up,
 * then serves `describe`, `run`, `generate` and `streams` tasks. Tensors come and go as
 * transferred buffers.
 */
import { getPriority, setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { messageOf } from '../errors.js';
import { ownBuffers, warmupInputs, type LoadedModel } from './backend.js';
import { loadCausalLmModel } from './causal-lm/causal-lm-backend.js';
import { driveGeneration } from './generate-driver.js';
import { loadOnnxModel } from './onnx-backend.js';
import { loadPipeline } from './pipeline-backend.js';
import type { ModelDescription, RunResult, WorkerConfig, WorkerTask } from './protocol.js';
import { loadTfjsModel } from './tfjs-backend.js';

const config = workerData as WorkerConfig;

// A lower priority for this thread (and the ONNX Runtime threads it starts): when the event
// loop and the workers both want a core, the event loop gets it first. On Linux, the nice
// value of the calling thread only.
if (config.niceIncrement > 0) {
  try {
    setPriority(Math.min(19, getPriority() + config.niceIncrement));
  } catch {
    // Not permitted or not supported here: run at normal priority.
  }
}

async function load(): Promise<{ model: LoadedModel; description: ModelDescription }> {
  const declared = { inputs: config.inputs, outputs: config.outputs };
  let model: LoadedModel;
  let checksInputs = true;
  if (config.backend === 'onnx')
    model = await loadOnnxModel(config.path, config.threads, declared, config);
  else if (config.backend === 'tfjs') model = await loadTfjsModel(config.path, declared);
  else if (config.backend === 'causal-lm')
    model = await loadCausalLmModel(config.path, config.threads);
  else {
    const p = await loadPipeline(config.path, config.threads, config.options, declared);
    checksInputs = p.checksInputs;
    model = p;
  }
  let warmupError: string | undefined;
  if (!config.skipWarmup) {
    try {
      if (model.warmup) await model.warmup();
      else if (model.run) await model.run(warmupInputs(model.inputs));
    } catch (err) {
      warmupError = messageOf(err);
    }
  }
  const description: ModelDescription = {
    platform: model.platform,
    inputs: model.inputs,
    outputs: model.outputs,
    checksInputs,
    infers: typeof model.run === 'function',
    generates: typeof model.generate === 'function' || typeof model.serveStreams === 'function',
    ...(model.serveStreams && model.context ? { streams: { context: model.context } } : {}),
    ...(warmupError === undefined ? {} : { warmupError }),
    ...(model.fused ? { fused: model.fused } : {}),
  };
  return { model, description };
}

const loaded = load();
// A load failure is reported by every task; don't let it surface as an unhandled rejection.
loaded.catch(() => {});

export default async function handle(task: WorkerTask): Promise<unknown> {
  const { model, description } = await loaded;
  switch (task.kind) {
    case 'describe':
      return description;
    case 'run': {
      if (!model.run) throw new Error(`model '${config.name}' does not support infer`);
      const start = performance.now();
      const outputs = await model.run(task.inputs, task.parameters);
      const result: RunResult = { outputs, computeMs: performance.now() - start };
      const buffers = ownBuffers(outputs);
      return move({
        get [transferableSymbol]() {
          return buffers;
        },
        get [valueSymbol]() {
          return result;
        },
      });
    }
    case 'generate':
      if (!model.generate) throw new Error(`model '${config.name}' does not generate text`);
      await driveGeneration(model, task.text, task.parameters, task.port);
      return null;
    case 'streams':
      if (!model.serveStreams) throw new Error(`model '${config.name}' does not stream`);
      await model.serveStreams(task.port);
      return null;
  }
}
