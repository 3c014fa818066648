import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ownBuffers } from '../worker/backend.js';
import type { ModelDescription, RunResult, WorkerConfig, WorkerTask } from '../worker/protocol.js';
import type { GenerateParameters, Tensor } from '../types.js';

/**
 * The worker entry is plain JavaScript: next to this module in dist/, or, when this module runs
 * from TypeScript sources (tests, tsx), the compiled copy in dist/.
 */
export function workerFile(): string {
  const path = fileURLToPath(new URL('../worker/worker.js', import.meta.url));
  if (existsSync(path)) return path;
  const dist = path.replace(
    /([\\/])src([\\/])worker([\\/])worker\.js$/,
    '$1dist$2worker$3worker.js',
  );
  if (existsSync(dist)) return dist;
  throw new Error(`Worker script not built (${dist}); run \`pnpm --filter @shipml/serve build\``);
}

/** A piscina pool of `workers` threads, each holding one session of the same model. */
export class WorkerPool {
  readonly workers: number;
  private readonly pool: Piscina;

  /** `onError` hears worker failures that no task is waiting for (e.g. a crash while idle). */
  constructor(config: WorkerConfig, workers: number, onError: (err: Error) => void) {
    this.workers = workers;
    this.pool = new Piscina({
      filename: workerFile(),
      workerData: config,
      minThreads: workers,
      maxThreads: workers,
      // One task per worker at a time: our own queue decides what runs next.
      concurrentTasksPerWorker: 1,
      idleTimeout: Infinity,
      // close() waits this long for running tasks before stopping the threads regardless.
      closeTimeout: 10 * 60_000,
      name: 'default',
    });
    this.pool.on('error', onError);
  }

  /**
   * Waits until every worker has loaded (and warmed up) its session: one `describe` task per
   * worker, which the pool spreads one per thread since each thread takes one task at a time.
   */
  async start(): Promise<ModelDescription> {
    const all = await Promise.all(
      Array.from({ length: this.workers }, () =>
        this.pool.run({ kind: 'describe' } satisfies WorkerTask),
      ),
    );
    return all[0] as ModelDescription;
  }

  /** Runs one (possibly batched) inference. Input buffers are transferred, not copied. */
  async run(
    inputs: Record<string, Tensor>,
    parameters?: Record<string, unknown>,
  ): Promise<RunResult> {
    const transferList = ownBuffers(inputs);
    const task: WorkerTask = { kind: 'run', inputs, ...(parameters ? { parameters } : {}) };
    return (await this.pool.run(task, { transferList })) as RunResult;
  }

  /** Runs a generation that streams its tokens over `port` (transferred to the worker). */
  async generate(text: string, parameters: GenerateParameters, port: MessagePort): Promise<void> {
    const task: WorkerTask = { kind: 'generate', text, parameters, port };
    await this.pool.run(task, { transferList: [port] });
  }

  /**
   * Runs a worker's stream loop (continuous batching) until it is told to stop on `port`.
   * Each call occupies one worker for good: call it once per worker.
   */
  async serveStreams(port: MessagePort): Promise<void> {
    const task: WorkerTask = { kind: 'streams', port };
    await this.pool.run(task, { transferList: [port] });
  }

  /**
   * Stops the workers once their running tasks (a batch, a generation, or a model still
   * loading) have finished. A thread stopped inside a native call such as ONNX Runtime's
   * `run()` aborts the whole process, so running work is waited for, never cut short.
   */
  async close(): Promise<void> {
    await this.pool.close({ force: true });
  }
}
