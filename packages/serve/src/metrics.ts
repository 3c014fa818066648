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

  constructor() {
    // Process metrics, including nodejs_eventloop_lag_seconds and its percentiles.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }
}
