import { MessageChannel, type MessagePort } from 'node:worker_threads';
import {
  ClientClosedError,
  DeadlineExceededError,
  InferenceError,
  NotReadyError,
  QueueFullError,
  type ServeError,
} from '../errors.js';
import type { ModelMetrics, ServeMetrics } from '../metrics.js';
import type { StreamBatch, StreamCommand, StreamEvent } from '../worker/protocol.js';
import type { SubmitOptions } from './model-queue.js';
import type { WorkerPool } from './worker-pool.js';

/** What a request hears: its events, then one end (no error: it finished or was cancelled). */
export interface StreamHandlers {
  onEvent(e: StreamEvent): void;
  onEnd(err?: Error): void;
}

/** A join or probe command, before the scheduler gives it an id. */
type Work =
  | Omit<Extract<StreamCommand, { type: 'join' }>, 'id'>
  | Omit<Extract<StreamCommand, { type: 'probe' }>, 'id'>;

interface Lane {
  port: MessagePort;
  free: number;
  active: Map<number, Entry>;
  task: Promise<void>;
}

interface Entry {
  id: number;
  slots: number;
  work: Work;
  handlers: StreamHandlers;
  enqueuedAt: number;
  startedAt?: number;
  lane?: Lane;
  cancelled: boolean;
  /** The worker ended a completion that nobody cancelled (shutdown). */
  cutShort: boolean;
  cleanup(): void;
}

/**
 * Admission and slots for a causal LM: each worker runs one stream loop with
 * `slotsPerWorker` slots; a request takes one slot per completion on the worker with the most
 * free, or waits in a bounded FIFO (`maxQueueSize`, then 503 with Retry-After). Cancelling a
 * running request tells its worker, which frees the slots at its next step and says so.
 */
export class StreamScheduler {
  private readonly lanes: Lane[] = [];
  private readonly queue: Entry[] = [];
  private readonly metrics: ModelMetrics;
  private nextId = 1;
  private closing = false;
  /** Moving average of a request's time on a worker, ms (for Retry-After). */
  private runMs = 0;

  constructor(
    readonly model: string,
    private readonly pool: WorkerPool,
    readonly limits: { slotsPerWorker: number; maxQueueSize: number },
    metrics: ServeMetrics,
  ) {
    this.metrics = metrics.forModel(model);
    for (let i = 0; i < pool.workers; i++) this.lanes.push(this.openLane());
  }

  /** Queues `work` needing `slots` slots; returns a cancel function (no-op once ended). */
  submit(work: Work, slots: number, opts: SubmitOptions, handlers: StreamHandlers): () => void {
    const { signal, deadlineAt } = opts;
    if (signal?.aborted) {
      handlers.onEnd(new ClientClosedError());
      return () => {};
    }
    if (this.closing) {
      handlers.onEnd(new NotReadyError('Server is shutting down'));
      return () => {};
    }
    let timer: NodeJS.Timeout | undefined;
    const cancel = () => this.cancel(entry);
    const entry: Entry = {
      id: this.nextId++,
      slots,
      work,
      handlers,
      enqueuedAt: performance.now(),
      cancelled: false,
      cutShort: false,
      cleanup: () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
      },
    };
    if (!this.launch(entry)) {
      if (this.queue.length >= this.limits.maxQueueSize) {
        handlers.onEnd(new QueueFullError(this.model, this.retryAfterS()));
        return () => {};
      }
      this.queue.push(entry);
      if (deadlineAt !== undefined) {
        // The deadline applies while queued; once running, the request finishes.
        timer = setTimeout(
          () => this.dropQueued(entry, new DeadlineExceededError()),
          deadlineAt - entry.enqueuedAt,
        );
        timer.unref();
      }
    }
    signal?.addEventListener('abort', cancel, { once: true });
    this.updateGauges();
    return cancel;
  }

  /** Stops every stream loop (running requests are cancelled) and waits for them to end. */
  async close(): Promise<void> {
    this.closing = true;
    for (const e of [...this.queue])
      this.dropQueued(e, new NotReadyError('Server is shutting down'));
    for (const lane of this.lanes) lane.port.postMessage({ type: 'stop' } satisfies StreamCommand);
    await Promise.all(this.lanes.map((l) => l.task));
  }

  private openLane(): Lane {
    const { port1, port2 } = new MessageChannel();
    const lane: Lane = {
      port: port1,
      free: this.limits.slotsPerWorker,
      active: new Map(),
      task: Promise.resolve(),
    };
    port1.on('message', (batch: StreamBatch) => this.receive(lane, batch));
    lane.task = this.pool.serveStreams(port2).catch((err: unknown) => this.laneFailed(lane, err));
    return lane;
  }

  /** Starts `entry` on the lane with the most free slots, if it fits and nobody is ahead. */
  private launch(entry: Entry, fromQueue = false): boolean {
    if (!fromQueue && this.queue.length > 0) return false;
    const lane = this.lanes.reduce((a, b) => (b.free > a.free ? b : a));
    if (lane.free < entry.slots) return false;
    lane.free -= entry.slots;
    lane.active.set(entry.id, entry);
    entry.lane = lane;
    entry.startedAt = performance.now();
    this.metrics.queueDuration.observe((entry.startedAt - entry.enqueuedAt) / 1000);
    lane.port.postMessage({ ...entry.work, id: entry.id } satisfies StreamCommand);
    return true;
  }

  private pump(): void {
    while (this.queue.length > 0 && this.launch(this.queue[0]!, true)) this.queue.shift();
    this.updateGauges();
  }

  private cancel(entry: Entry): void {
    if (entry.cancelled) return;
    entry.cancelled = true;
    if (entry.lane)
      entry.lane.port.postMessage({ type: 'cancel', id: entry.id } satisfies StreamCommand);
    else if (this.queue.includes(entry)) this.dropQueued(entry, new ClientClosedError());
  }

  private dropQueued(entry: Entry, err: ServeError): void {
    const i = this.queue.indexOf(entry);
    if (i < 0) return;
    this.queue.splice(i, 1);
    entry.cleanup();
    entry.handlers.onEnd(err);
    this.updateGauges();
  }

  private receive(lane: Lane, batch: StreamBatch): void {
    for (const s of batch.steps) {
      this.metrics.executionCount.inc();
      this.metrics.inferenceCount.inc(s.rows);
      this.metrics.batchSize.observe(s.rows);
      this.metrics.computeDuration.observe(s.ms / 1000);
    }
    for (const e of batch.events) {
      const entry = lane.active.get(e.id);
      if (!entry) continue;
      if (e.kind === 'done') this.finish(entry);
      else if (e.kind === 'error') {
        const err = this.closing
          ? new NotReadyError(e.message)
          : new InferenceError(this.model, e.message);
        this.finish(entry, err);
      } else {
        if (e.kind === 'token') this.metrics.generatedTokens.inc();
        if (e.kind === 'end' && e.finishReason === 'cancelled' && !entry.cancelled)
          entry.cutShort = true;
        entry.handlers.onEvent(e);
      }
    }
  }

  /** The worker has freed `entry`'s slots. */
  private finish(entry: Entry, err?: Error): void {
    const lane = entry.lane!;
    lane.active.delete(entry.id);
    lane.free += entry.slots;
    const ms = performance.now() - entry.startedAt!;
    this.runMs = this.runMs === 0 ? ms : this.runMs * 0.8 + ms * 0.2;
    entry.cleanup();
    entry.handlers.onEnd(
      err ?? (entry.cutShort ? new NotReadyError('Server is shutting down') : undefined),
    );
    this.pump();
  }

  /** A worker died: its requests fail, and a new loop starts on a fresh worker. */
  private laneFailed(lane: Lane, err: unknown): void {
    for (const entry of lane.active.values()) {
      lane.active.delete(entry.id);
      entry.cleanup();
      entry.handlers.onEnd(new InferenceError(this.model, err));
    }
    lane.port.close();
    if (this.closing) return;
    const fresh = this.openLane();
    this.lanes[this.lanes.indexOf(lane)] = fresh;
    this.pump();
  }

  /** Seconds until a slot is likely free for a request queued now. */
  private retryAfterS(): number {
    const slots = this.lanes.length * this.limits.slotsPerWorker;
    return Math.max(1, Math.ceil(((this.queue.length / slots + 1) * this.runMs) / 1000));
  }

  private updateGauges(): void {
    let used = 0;
    let running = 0;
    for (const l of this.lanes) {
      used += this.limits.slotsPerWorker - l.free;
      running += l.active.size;
    }
    this.metrics.slotsActive.set(used);
    this.metrics.pending.set(running + this.queue.length);
  }
}
