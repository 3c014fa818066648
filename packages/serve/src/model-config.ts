import { basename, dirname, isAbsolute } from 'node:path';
import { ConfigError } from './errors.js';
import type { QueueLimits } from './scheduler/model-queue.js';
import type { ModelConfig } from './types.js';
import type { WorkerConfig } from './worker/protocol.js';

/** A model config with defaults applied and checked. */
export interface NormalizedModel {
  name: string;
  version: string;
  workers: number;
  /** Streams each worker decodes together (causal-lm). */
  slotsPerWorker: number;
  limits: QueueLimits;
  worker: WorkerConfig;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function positiveInt(
  name: string,
  key: string,
  value: number | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(`model '${name}': ${key} must be a positive integer, got ${value}`);
  }
  return value;
}

function niceIncrement(name: string, value: number | undefined): number {
  if (value === undefined) return DEFAULT_NICE_INCREMENT;
  if (!Number.isInteger(value) || value < 0 || value > 19) {
    throw new ConfigError(`model '${name}': niceIncrement must be an integer in [0, 19]`);
  }
  return value;
}

function flag(name: string, key: string, value: boolean | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new ConfigError(`model '${name}': ${key} must be true or false, got ${String(value)}`);
  }
  return value;
}

/** Workers run a little below the event loop's priority by default. */
export const DEFAULT_NICE_INCREMENT = 5;

export function normalizeModel(cfg: ModelConfig): NormalizedModel {
  const { name } = cfg;
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new ConfigError(`model name ${JSON.stringify(name)} must match ${String(NAME)}`);
  }
  const version = cfg.version ?? '1';
  if (!NAME.test(version))
    throw new ConfigError(`model '${name}': bad version ${JSON.stringify(version)}`);
  if (!['onnx', 'tfjs', 'pipeline', 'causal-lm'].includes(cfg.backend)) {
    throw new ConfigError(`model '${name}': backend must be onnx, tfjs, pipeline or causal-lm`);
  }
  const path = cfg.backend === 'causal-lm' ? modelFolder(cfg) : (cfg.path ?? cfg.model?.path);
  if (typeof path !== 'string' || !isAbsolute(path)) {
    throw new ConfigError(`model '${name}': give an absolute \`path\` or a resolved \`model\``);
  }
  const delay = cfg.maxQueueDelayMs ?? 2;
  if (!(delay >= 0)) throw new ConfigError(`model '${name}': maxQueueDelayMs must be ≥ 0`);
  return {
    name,
    version,
    workers: positiveInt(name, 'workers', cfg.workers, 1),
    slotsPerWorker: positiveInt(name, 'slotsPerWorker', cfg.slotsPerWorker, 16),
    limits: {
      maxBatchSize: positiveInt(name, 'maxBatchSize', cfg.maxBatchSize, 1),
      maxQueueDelayMs: delay,
      maxQueueSize: positiveInt(name, 'maxQueueSize', cfg.maxQueueSize, 256),
    },
    worker: {
      name,
      backend: cfg.backend,
      path,
      threads: positiveInt(name, 'threadsPerWorker', cfg.threadsPerWorker, 1),
      niceIncrement: niceIncrement(name, cfg.niceIncrement),
      spinThreads: flag(name, 'spinThreads', cfg.spinThreads, true),
      fuseGraph: flag(name, 'fuseGraph', cfg.fuseGraph, false),
      skipWarmup: cfg.skipWarmup ?? false,
      ...(cfg.inputs ? { inputs: cfg.inputs } : {}),
      ...(cfg.outputs ? { outputs: cfg.outputs } : {}),
      ...(cfg.options === undefined ? {} : { options: cfg.options }),
    },
  };
}

/**
 * A causal LM's Hugging Face folder: `path` (the folder, or its `onnx/model.onnx`), or the
 * folder of a resolved model's `config.json`.
 */
function modelFolder(cfg: ModelConfig): string | undefined {
  const configFile = cfg.path === undefined ? cfg.model?.files?.['config.json'] : undefined;
  if (configFile) return dirname(configFile);
  const path = cfg.path ?? cfg.model?.path;
  if (path?.endsWith('.onnx') && basename(dirname(path)) === 'onnx') return dirname(dirname(path));
  return path;
}
