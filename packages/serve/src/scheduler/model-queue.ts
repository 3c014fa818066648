import {
  ClientClosedError,
  DeadlineExceededError,
  InferenceError,
  QueueFullError,
  ServeError,
} from '../errors.js';
import type { ServeMetrics } from '../metrics.js';
import type { Tensor } from '../types.js';
import { batchKey, stack, unstack } from './stacking.js';
import type { WorkerPool } from './worker-pool.js';

export interface QueueLimits {
  maxBatchSize: number;
  maxQueueDelayMs: number;
  maxQueueSize: number;
}

export interface SubmitOptions {
  signal?: AbortSignal;
  /** Absolute deadline, `performance.now()` clock. */
  deadlineAt?: number;
}

interface Job {
  enqueuedAt: number;
  deadlineAt?: number;
  /** Stacking key; null → the job runs alone. */
  key: string | null;
  rows: number;
  inputs?: Record<string, Tensor>;
  parameters?: Record<string, unknown>;
  /** For exclusive jobs (generation): holds a worker until the promise settles. */
  execute?: () => Promise<void>;
  settle(err: Error | null, outputs?: Record<string, Tensor>): void;
  state: 'queued' | 'running' | 'done';
}

/**
 * One model's admission control and dynamic batcher. Jobs wait in a bounded FIFO; whenever a
 * worker is free, the head job and every queued job with the same stacking key (up to
 * `maxBatchSize` rows) run as one batch. A non-full batch waits at most `maxQueueDelayMs`
 * (counted from the head's arrival) for more rows.
 */
export class ModelQueue {
  private readonly queue: Job[] = [];
  private running = 0;
  private runningJobs = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Moving average of one execution's wall time, ms; drives the queue-wait estimate. */
  private execMs = 0;

  constructor(
    readonly model: string,
    private readonly pool: WorkerPool,
    private readonly limits: QueueLimits,
    private readonly metrics: ServeMetrics,
  ) {}

  /** Requests waiting or running. */
  get pending(): number {
    return this.queue.length + this.runningJobs;
  }

  /** Queues an inference; resolves with the outputs of this request only. */
  infer(
    inputs: Record<string, Tensor>,
    parameters: Record<string, unknown> | undefined,
    opts: SubmitOptions,
  ): Promise<Record<string, Tensor>> {
    // Parameters may change what a pipeline does, so such requests are never stacked.
    const batchable = this.limits.maxBatchSize > 1 && !parameters ? batchKey(inputs) : null;
    return new Promise((resolve, reject) => {
      const job = this.admit(batchable?.key ?? null, batchable?.rows ?? 1, opts, (err, out) =>
        err ? reject(err) : resolve(out!),
      );
      if (!job) return;
      job.inputs = inputs;
      if (parameters) job.parameters = parameters;
      this.enqueue(job);
    });
  }

  /** Queues exclusive use of one worker (a generation); `execute` runs when it is its turn. */
  exclusive(execute: () => Promise<void>, opts: SubmitOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      const job = this.admit(null, 1, opts, (err) => (err ? reject(err) : resolve()));
      if (!job) return;
      job.execute = execute;
      this.enqueue(job);
    });
  }

  /** Estimated wait before a new job of `rows` rows starts, ms (0 until an execution was timed). */
  estimateWaitMs(rows = 1): number {
    if (this.execMs === 0) return 0;
    const queuedRows = this.queue.reduce((n, j) => n + j.rows, 0) + rows;
    const batches = Math.ceil(queuedRows / Math.max(1, this.limits.maxBatchSize));
    const busy = this.running >= this.pool.workers ? this.execMs / 2 : 0;
    return busy + Math.floor((batches - 1) / this.pool.workers) * this.execMs;
  }

  private admit(
    key: string | null,
    rows: number,
    opts: SubmitOptions,
    done: (err: Error | null, out?: Record<string, Tensor>) => void,
  ): Job | undefined {
    const { signal, deadlineAt } = opts;
    if (signal?.aborted) return void done(new ClientClosedError());
    if (this.queue.length >= this.limits.maxQueueSize) {
      const retryAfter = Math.max(1, Math.ceil(this.estimateWaitMs(rows) / 1000));
      return void done(new QueueFullError(this.model, retryAfter));
    }
    const now = performance.now();
    if (deadlineAt !== undefined && now + this.estimateWaitMs(rows) + this.execMs > deadlineAt) {
      return void done(new DeadlineExceededError('Deadline cannot be met: the queue is too long'));
    }
    let deadlineTimer: NodeJS.Timeout | undefined;
    const onAbort = () => this.drop(job, new ClientClosedError());
    const job: Job = {
      enqueuedAt: now,
      key,
      rows,
      state: 'queued',
      settle: (err, out) => {
        if (job.state === 'done') return;
        if (job.state === 'queued') this.queue.splice(this.queue.indexOf(job), 1);
        job.state = 'done';
        clearTimeout(deadlineTimer);
        signal?.removeEventListener('abort', onAbort);
        this.updatePending();
        done(err, out);
      },
    };
    if (deadlineAt !== undefined) {
      job.deadlineAt = deadlineAt;
      // The deadline applies while queued; once running, the job finishes.
      deadlineTimer = setTimeout(() => {
        if (job.state === 'queued') this.drop(job, new DeadlineExceededError());
      }, deadlineAt - now);
      deadlineTimer.unref();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    return job;
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    this.updatePending();
    this.pump();
  }

  /** Settles a queued job early (abort, deadline); a running one just loses its answer. */
  private drop(job: Job, err: ServeError): void {
    job.settle(err);
    this.pump();
  }

  private updatePending(): void {
    this.metrics.pending.set({ model: this.model }, this.pending);
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running < this.pool.workers && this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.key === null) {
        this.launch([head]);
        continue;
      }
      const batch: Job[] = [];
      let rows = 0;
      for (const job of this.queue) {
        if (
          job.key !== head.key ||
          (batch.length > 0 && rows + job.rows > this.limits.maxBatchSize)
        )
          continue;
        batch.push(job);
        rows += job.rows;
        if (rows >= this.limits.maxBatchSize) break;
      }
      const waited = performance.now() - head.enqueuedAt;
      if (rows < this.limits.maxBatchSize && waited < this.limits.maxQueueDelayMs) {
        this.timer = setTimeout(() => this.pump(), this.limits.maxQueueDelayMs - waited);
        return;
      }
      this.launch(batch);
    }
  }

  private launch(batch: Job[]): void {
    const now = performance.now();
    for (const job of batch) {
      this.queue.splice(this.queue.indexOf(job), 1);
      job.state = 'running';
      this.metrics.queueDuration.observe({ model: this.model }, (now - job.enqueuedAt) / 1000);
    }
    this.running++;
    this.runningJobs += batch.length;
    const work = batch[0]!.execute ? batch[0]!.execute() : this.runBatch(batch);
    work
      .then(
        () => batch[0]!.execute && batch[0]!.settle(null),
        (err: unknown) => {
          const error = err instanceof ServeError ? err : new InferenceError(this.model, err);
          for (const job of batch) job.settle(error);
        },
      )
      .finally(() => {
        const ms = performance.now() - now;
        if (!batch[0]!.execute) this.execMs = this.execMs === 0 ? ms : this.execMs * 0.8 + ms * 0.2;
        this.running--;
        this.runningJobs -= batch.length;
        this.updatePending();
        this.pump();
      });
  }

  private async runBatch(batch: Job[]): Promise<void> {
    const rows = batch.map((j) => j.rows);
    const total = rows.reduce((a, b) => a + b, 0);
    const inputs =
      batch.length === 1
        ? batch[0]!.inputs!
        : stack(
            batch.map((j) => j.inputs!),
            total,
          );
    const result = await this.pool.run(inputs, batch[0]!.parameters);
    this.metrics.executionCount.inc({ model: this.model });
    this.metrics.inferenceCount.inc({ model: this.model }, total);
    this.metrics.batchSize.observe({ model: this.model }, total);
    this.metrics.computeDuration.observe({ model: this.model }, result.computeMs / 1000);
    if (batch.length === 1) return batch[0]!.settle(null, result.outputs);
    const parts = unstack(result.outputs, rows);
    batch.forEach((job, i) => job.settle(null, parts[i]));
  }
}
