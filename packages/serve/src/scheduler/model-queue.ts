import {
  ClientClosedError,
  DeadlineExceededError,
  InferenceError,
  QueueFullError,
  ServeError,
} from '../errors.js';
import type { ModelMetrics, ServeMetrics } from '../metrics.js';
import type { Tensor } from '../types.js';
import { RecentPeak } from './recent-peak.js';
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
 * `maxBatchSize` rows) run as one batch.
 *
 * A batch runs at once when it holds as many rows as are expected: the most rows that were
 * queued or running at the same time during the last second, shared among the workers (capped
 * at `maxBatchSize`). A lone client is therefore never kept waiting. With fewer rows than that,
 * a free worker waits up to `maxQueueDelayMs` for the rest, counted from when the head arrived
 * or the worker came free, whichever is later. Under steady concurrent load this lets the
 * clients of the batch that just finished rejoin the next one, instead of the load settling into
 * two half-size batches that take turns.
 */
export class ModelQueue {
  private readonly queue: Job[] = [];
  private running = 0;
  private runningJobs = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Moving average of one execution's wall time, ms; drives the queue-wait estimate. */
  private execMs = 0;
  private queuedRows = 0;
  private runningRows = 0;
  /** Most rows queued or running at once, recently: how many rows a batch can expect. */
  private readonly recentRows = new RecentPeak(1000);
  /** When a worker last came free (`performance.now()`). */
  private freeSince = 0;
  private pumpScheduled = false;
  private readonly metrics: ModelMetrics;

  constructor(
    readonly model: string,
    private readonly pool: WorkerPool,
    private readonly limits: QueueLimits,
    metrics: ServeMetrics,
  ) {
    this.metrics = metrics.forModel(model);
  }

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
    const batches = Math.ceil((this.queuedRows + rows) / Math.max(1, this.limits.maxBatchSize));
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
        if (job.state === 'queued') {
          this.queue.splice(this.queue.indexOf(job), 1);
          this.queuedRows -= job.rows;
        }
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
    this.queuedRows += job.rows;
    this.updatePending();
    if (job.key === null) return this.pump(); // runs alone: nothing to wait for
    // Batchable requests that arrive in the same turn of the event loop meet before the batch
    // is formed.
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Settles a queued job early (abort, deadline); a running one just loses its answer. */
  private drop(job: Job, err: ServeError): void {
    job.settle(err);
    this.pump();
  }

  private updatePending(): void {
    this.metrics.pending.set(this.pending);
    this.recentRows.observe(this.queuedRows + this.runningRows, performance.now());
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
      const now = performance.now();
      const expected = Math.min(
        this.limits.maxBatchSize,
        Math.ceil(this.recentRows.value(now) / this.pool.workers),
      );
      const waited = now - Math.max(head.enqueuedAt, this.freeSince);
      if (rows < expected && waited < this.limits.maxQueueDelayMs) {
        this.timer = setTimeout(() => this.pump(), this.limits.maxQueueDelayMs - waited);
        return;
      }
      this.launch(batch);
    }
  }

  private launch(batch: Job[]): void {
    const startedAt = performance.now();
    for (const job of batch) {
      this.queue.splice(this.queue.indexOf(job), 1);
      this.queuedRows -= job.rows;
      job.state = 'running';
      this.metrics.queueDuration.observe((startedAt - job.enqueuedAt) / 1000);
    }
    this.running++;
    this.runningJobs += batch.length;
    for (const job of batch) this.runningRows += job.rows;
    const exclusive = batch[0]!.execute;
    const work = exclusive ? exclusive().then(() => [undefined]) : this.runBatch(batch);
    // The worker is free again: start the next batch *before* answering this one, so the
    // worker computes while the event loop serializes and writes this batch's responses.
    work.then(
      (outputs) => {
        this.finished(batch, exclusive ? undefined : performance.now() - startedAt);
        batch.forEach((job, i) => job.settle(null, outputs[i]));
      },
      (err: unknown) => {
        this.finished(batch, undefined);
        const error = err instanceof ServeError ? err : new InferenceError(this.model, err);
        for (const job of batch) job.settle(error);
      },
    );
  }

  private finished(batch: Job[], execMs: number | undefined): void {
    if (execMs !== undefined)
      this.execMs = this.execMs === 0 ? execMs : this.execMs * 0.8 + execMs * 0.2;
    this.running--;
    this.runningJobs -= batch.length;
    for (const job of batch) this.runningRows -= job.rows;
    this.freeSince = performance.now();
    this.updatePending();
    this.pump();
  }

  /** Runs a batch on a worker; resolves with each job's own outputs, in batch order. */
  private async runBatch(batch: Job[]): Promise<(Record<string, Tensor> | undefined)[]> {
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
    this.metrics.executionCount.inc();
    this.metrics.inferenceCount.inc(total);
    this.metrics.batchSize.observe(total);
    this.metrics.computeDuration.observe(result.computeMs / 1000);
    return batch.length === 1 ? [result.outputs] : unstack(result.outputs, rows);
  }
}
