import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics of one server, in their own registry (several apps can live in one
 * process). `inference_count / execution_count` is the mean batch size.
 */
export class ServeMetrics {
  readonly registry = new Registry();
  /** Finished inference/generate requests by model and outcome (success | failure) and status. */
  readonly requests = new Counter({
    name: 'shipml_requests_total',
    help: 'Inference and generate requests, by model, outcome (success|failure) and HTTP status',
    labelNames: ['model', 'outcome', 'status'] as const,
    registers: [this.registry],
  });
  /** Rows inferred (the sum of dim 0 over executed requests). */
  readonly inferenceCount = new Counter({
    name: 'shipml_inference_count_total',
    help: 'Inferences performed, counting each row of a batch (sum of dim 0)',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });
  /** Model executions (one per batch). */
  readonly executionCount = new Counter({
    name: 'shipml_execution_count_total',
    help: 'Model executions; a batch of several requests is one execution',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });
  readonly queueDuration = new Histogram({
    name: 'shipml_queue_duration_seconds',
    help: 'Time a request waited in its model queue before running',
    labelNames: ['model'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly computeDuration = new Histogram({
    name: 'shipml_compute_duration_seconds',
    help: 'Time one model execution took in its worker',
    labelNames: ['model'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'shipml_batch_size',
    help: 'Rows per model execution',
    labelNames: ['model'] as const,
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });
  /** Requests queued or running, per model: the signal to autoscale on. */
  readonly pending = new Gauge({
    name: 'shipml_pending_requests',
    help: 'Requests waiting in the queue or running, per model',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });

  /** Sequences a causal LM's workers are decoding, per model (a request with n completions counts n). */
  readonly slotsActive = new Gauge({
    name: 'shipml_generation_slots_active',
    help: 'Generation slots in use (sequences being decoded together), per model',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });
  readonly generatedTokens = new Counter({
    name: 'shipml_generated_tokens_total',
    help: 'Tokens generated, per model',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });
  readonly timeToFirstToken = new Histogram({
    name: 'shipml_time_to_first_token_seconds',
    help: 'Time from a generate call to its first token, queueing included',
    labelNames: ['model'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  private readonly byModel = new Map<string, ModelMetrics>();
  private readonly requestSeries = new Map<string, { inc(): void }>();

  /**
   * One model's series, looked up once: a labelled call hashes its labels every time, and the
   * scheduler updates these for every request.
   */
  forModel(model: string): ModelMetrics {
    let m = this.byModel.get(model);
    if (!m) {
      const labels = { model };
      m = {
        inferenceCount: this.inferenceCount.labels(labels),
        executionCount: this.executionCount.labels(labels),
        queueDuration: this.queueDuration.labels(labels),
        computeDuration: this.computeDuration.labels(labels),
        batchSize: this.batchSize.labels(labels),
        pending: this.pending.labels(labels),
        slotsActive: this.slotsActive.labels(labels),
        generatedTokens: this.generatedTokens.labels(labels),
        timeToFirstToken: this.timeToFirstToken.labels(labels),
      };
      this.byModel.set(model, m);
    }
    return m;
  }

  /** Counts one finished request of `model` that answered `status`. */
  countRequest(model: string, status: number): void {
    const key = `${model}\0${status}`;
    let series = this.requestSeries.get(key);
    if (!series) {
      const outcome = status < 400 ? 'success' : 'failure';
      series = this.requests.labels({ model, outcome, status: String(status) });
      this.requestSeries.set(key, series);
    }
    series.inc();
  }

  constructor() {
    // Process metrics, including nodejs_eventloop_lag_seconds and its percentiles.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }
}

/** The series of one model (see `ServeMetrics.forModel`). */
export interface ModelMetrics {
  inferenceCount: { inc(value?: number): void };
  executionCount: { inc(value?: number): void };
  queueDuration: { observe(value: number): void };
  computeDuration: { observe(value: number): void };
  batchSize: { observe(value: number): void };
  pending: { set(value: number): void };
  slotsActive: { set(value: number): void };
  generatedTokens: { inc(value?: number): void };
  timeToFirstToken: { observe(value: number): void };
}
