import { ModelLoadError } from './errors.js';
import type { ServeMetrics } from './metrics.js';
import type { NormalizedModel } from './model-config.js';
import { ModelQueue } from './scheduler/model-queue.js';
import { StreamScheduler } from './scheduler/stream-scheduler.js';
import { WorkerPool } from './scheduler/worker-pool.js';
import type { FusedCounts } from './worker/fuse-graph.js';
import type { ModelDescription } from './worker/protocol.js';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/** One served model version and its state. */
export interface ServedModel {
  name: string;
  version: string;
  config: NormalizedModel;
  state: 'loading' | 'ready' | 'failed';
  /** The model's interface as loaded (inputs/outputs/platform); set once ready. */
  description?: ModelDescription;
  error?: string;
  /** Settles when loading ends (rejects if it failed). */
  loaded?: Promise<void>;
  /** Infer and pipeline generate requests (every backend but causal-lm). */
  queue?: ModelQueue;
  /** Generate requests of a causal LM (continuous batching). */
  streams?: StreamScheduler;
  pool?: WorkerPool;
}

/**
 * Starts the model's worker pool, waits until every worker has loaded and warmed up its
 * session, and opens the model's queue (or, for a causal LM, its stream loops). Marks the
 * model ready, or failed (and throws).
 */
export async function loadModel(m: ServedModel, metrics: ServeMetrics, log: Logger): Promise<void> {
  const pool = new WorkerPool(m.config.worker, m.config.workers, (err) =>
    log.error(`model '${m.name}' worker error: ${err.message}`),
  );
  m.pool = pool;
  try {
    const description = await pool.start();
    if (description.warmupError) {
      log.warn(`model '${m.name}': warm-up run failed (${description.warmupError})`);
    }
    if (description.fused) log.info(fusedMessage(m.name, description.fused));
    m.description = description;
    if (description.streams) {
      const { slotsPerWorker, limits } = m.config;
      const streamLimits = { slotsPerWorker, maxQueueSize: limits.maxQueueSize };
      m.streams = new StreamScheduler(m.name, pool, streamLimits, metrics);
    } else {
      m.queue = new ModelQueue(m.name, pool, batchLimits(m, description, log), metrics);
    }
    m.state = 'ready';
    log.info(`model '${m.name}' v${m.version} ready (${m.config.workers} worker(s))`);
  } catch (err) {
    m.state = 'failed';
    m.error = err instanceof Error ? err.message : String(err);
    await pool.close().catch(() => {});
    throw new ModelLoadError(m.name, err);
  }
}

/** Batching needs dim 0 to be a variable batch dim on every input and output. */
function batchLimits(m: ServedModel, d: ModelDescription, log: Logger): NormalizedModel['limits'] {
  const limits = m.config.limits;
  if (limits.maxBatchSize <= 1) return limits;
  const batchDim = (s: { shape: number[] }) => s.shape[0] === -1;
  if (d.inputs.length > 0 && d.inputs.every(batchDim) && d.outputs.every(batchDim)) return limits;
  log.warn(`model '${m.name}': dim 0 is not a variable batch dim everywhere; batching off`);
  return { ...limits, maxBatchSize: 1 };
}

/** What fuseGraph did to a model's graph, in a line for the log. */
export function fusedMessage(name: string, f: FusedCounts): string {
  const folded = f.scaleShiftAfterConv + f.scaleShiftBeforeConv;
  if (folded + f.hardSwish === 0) return `model '${name}': fuseGraph found nothing to rewrite`;
  return (
    `model '${name}': fuseGraph folded ${folded} scale/shift chain(s) into convolutions ` +
    `and replaced ${f.hardSwish} written-out hard-swish(es)`
  );
}
