import {
  ConfigError,
  InvalidInputError,
  ModelNotFoundError,
  NotReadyError,
  ServeError,
} from './errors.js';
import {
  checkGenerateRequest,
  startGeneration,
  streamRequest,
  type GenerateRequestInput,
} from './generation.js';
import type { ServeMetrics } from './metrics.js';
import { Admission, type AdmissionOptions } from './scheduler/admission.js';
import { normalizeModel } from './model-config.js';
import { loadModel, type Logger, type ServedModel } from './served-model.js';
import { probeNextTokens, streamGeneration, withTimings } from './stream-generation.js';
import { checkInputs } from './tensor-check.js';
import type {
  GenerateEvent,
  GenerateOptions,
  InferOptions,
  NextTokens,
  NextTokensOptions,
  ServeOptions,
  Tensor,
} from './types.js';

/**
 * Loads the models into worker pools and runs requests through each model's queue. This is
 * `app.inference`: starter routes call `infer` / `generate` on it.
 */
export class InferenceService {
  private readonly byName = new Map<string, ServedModel[]>();
  private loading: Promise<void> | undefined;
  private isDraining = false;
  private active = 0;

  constructor(
    private readonly options: ServeOptions,
    private readonly metrics: ServeMetrics,
    private readonly log: Logger,
  ) {
    for (const cfg of options.models) {
      const config = normalizeModel(cfg);
      const versions = this.byName.get(config.name) ?? [];
      if (versions.some((m) => m.version === config.version)) {
        throw new ConfigError(`model '${config.name}' version '${config.version}' declared twice`);
      }
      versions.push({ name: config.name, version: config.version, config, state: 'loading' });
      this.byName.set(config.name, versions);
    }
  }

  /** How long shutdown waits for in-flight work, ms (`ServeOptions.drainTimeoutMs`). */
  get drainTimeoutMs(): number {
    return this.options.drainTimeoutMs ?? 10_000;
  }

  /** True once every model is loaded and warmed up, and until draining starts. */
  get ready(): boolean {
    return !this.isDraining && this.models().every((m) => m.state === 'ready');
  }

  get draining(): boolean {
    return this.isDraining;
  }

  /** Requests (infer and generate calls) currently in progress. */
  get inFlight(): number {
    return this.active;
  }

  /** Every served model version, in declaration order. */
  models(): ServedModel[] {
    return [...this.byName.values()].flat();
  }

  /** A model version; without `version`, the last one declared. Throws 404 if unknown. */
  model(name: string, version?: string): ServedModel {
    const versions = this.byName.get(name);
    const found =
      version === undefined ? versions?.at(-1) : versions?.find((m) => m.version === version);
    if (!found) throw new ModelNotFoundError(name, version);
    return found;
  }

  /** Loads every model (once); rejects with the first load error after all have settled. */
  load(): Promise<void> {
    this.loading ??= Promise.allSettled(
      this.models().map((m) => {
        m.loaded = loadModel(m, this.metrics, this.log);
        m.loaded.catch(() => {}); // reported by load() and by requests for the model
        return m.loaded;
      }),
    ).then((results) => {
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    });
    return this.loading;
  }

  /**
   * A bounded queue for an app's own work around its model calls (see {@link Admission}),
   * whose requests in work and waiting count in `shipml_pending_requests{model="<name>"}` —
   * the metric the Kubernetes autoscaler reads — beside the models' own queues.
   */
  admission(name: string, opts: Omit<AdmissionOptions, 'onLoad'>): Admission {
    const pending = this.metrics.pending.labels({ model: name });
    pending.set(0);
    return new Admission({ ...opts, onLoad: (n) => pending.set(n) });
  }

  /**
   * The model, loaded: a request that arrives while its model is still loading waits for it
   * (readiness probes keep traffic away meanwhile; this helps tests and local runs).
   */
  private async usableModel(m: ServedModel): Promise<UsableModel> {
    if (m.state === 'loading') await (m.loaded ?? this.load()).catch(() => {});
    if (m.state !== 'ready' || !m.description || !m.pool || !(m.queue || m.streams)) {
      throw new NotReadyError(
        `Model '${m.name}' is ${m.state === 'failed' ? 'unavailable' : 'not ready yet'}`,
      );
    }
    return m as UsableModel;
  }

  private deadlineAt(deadlineMs: number | undefined): number | undefined {
    const ms = deadlineMs ?? this.options.defaultDeadlineMs;
    return ms === undefined ? undefined : performance.now() + ms;
  }

  /**
   * Runs one inference through the model's queue (batched with others when possible).
   * Inputs are checked against the model's declared inputs; their typed arrays are copied
   * unless `opts.transfer` is set (then their buffers move to the worker and are detached here).
   */
  async infer(
    name: string,
    inputs: Record<string, Tensor>,
    opts: InferOptions = {},
  ): Promise<Record<string, Tensor>> {
    const started = this.track(name);
    try {
      const found = this.model(name, opts.version);
      const m = found.state === 'ready' ? (found as UsableModel) : await this.usableModel(found);
      if (!m.description.infers || !m.queue)
        throw new InvalidInputError(`Model '${name}' does not support infer`);
      const wanted = opts.outputs;
      if (wanted) {
        const known = m.description.outputs.map((o) => o.name);
        const unknown = wanted.find((o) => known.length > 0 && !known.includes(o));
        if (unknown !== undefined)
          throw new InvalidInputError(`Model '${name}' has no output '${unknown}'`);
      }
      const checked = m.description.checksInputs
        ? checkInputs(name, m.description.inputs, inputs)
        : { ...inputs };
      if (!opts.transfer) copyData(checked, inputs);
      const outputs = await m.queue.infer(checked, opts.parameters, {
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...withDeadline(this.deadlineAt(opts.deadlineMs)),
      });
      const result = wanted
        ? Object.fromEntries(Object.entries(outputs).filter(([k]) => wanted.includes(k)))
        : outputs;
      started.done(200);
      return result;
    } catch (err) {
      started.done(err instanceof ServeError ? err.statusCode : 500);
      throw err;
    }
  }

  /**
   * Starts a text generation: a causal LM's (continuous batching) or a pipeline's `generate`.
   * Throws 404 and 400 (a bad parameter, named) at once; other failures (not ready, queue
   * full, deadline) come from the first step of the iteration. The iterable yields `start`
   * (causal LMs), each token, and a `done` per completion with its timings. Stop iterating (or
   * abort `opts.signal`) to stop the generation in its worker.
   */
  generate(
    name: string,
    request: GenerateRequestInput,
    opts: GenerateOptions = {},
  ): AsyncIterable<GenerateEvent> {
    const found = this.model(name, opts.version);
    const parameters = checkGenerateRequest(request);
    const startedAt = performance.now();
    const deadlineAt = this.deadlineAt(opts.deadlineMs);
    const usable = () => this.usableModel(found);
    const track = () => this.track(name);
    const ttft = this.metrics.forModel(name).timeToFirstToken;
    return {
      async *[Symbol.asyncIterator]() {
        const m = await usable();
        if (!m.description.generates) {
          throw new InvalidInputError(`Model '${name}' does not generate text`);
        }
        const n = parameters.n ?? 1;
        const slots = m.streams?.limits.slotsPerWorker ?? 1;
        if (n > slots) {
          const why = m.streams ? `at most ${slots} (slotsPerWorker)` : '1 for a pipeline';
          throw new InvalidInputError(`parameters.n must be ${why}`);
        }
        const tracker = track();
        const submit = {
          ...(opts.signal ? { signal: opts.signal } : {}),
          ...withDeadline(deadlineAt),
          onEnd: (status: number) => tracker.done(status),
        };
        const text = request.text_input;
        const events = m.streams
          ? streamGeneration(m.streams, text, streamRequest(parameters), submit)
          : startGeneration(m.queue!, m.pool, text, parameters, submit);
        yield* withTimings(events, startedAt, (s) => ttft.observe(s));
      },
    };
  }

  /**
   * The model's most likely next tokens after `text` (causal LMs), e.g. for a bar chart of
   * what the model expects: `{ promptTokens, truncated, tokens: [{ id, text, prob }] }`, most
   * likely first. Runs through the same slots and queue as `generate`.
   */
  async nextTokens(name: string, text: string, opts: NextTokensOptions = {}): Promise<NextTokens> {
    const found = this.model(name, opts.version);
    if (typeof text !== 'string') throw new InvalidInputError("'text' must be a string");
    const topK = opts.topK ?? 5;
    if (!Number.isInteger(topK) || topK < 1 || topK > 100) {
      throw new InvalidInputError('topK must be an integer in [1, 100]');
    }
    const m = await this.usableModel(found);
    if (!m.streams) {
      throw new InvalidInputError(`Model '${name}' does not give next-token probabilities`);
    }
    const tracker = this.track(name);
    try {
      const result = await probeNextTokens(m.streams, text, topK, {
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...withDeadline(this.deadlineAt(opts.deadlineMs)),
      });
      tracker.done(200);
      return result;
    } catch (err) {
      tracker.done((err as { statusCode?: number }).statusCode ?? 500);
      throw err;
    }
  }

  /** Counts a request for a known model that failed before reaching `infer` (e.g. bad JSON tensor). */
  countFailure(model: string, status: number): void {
    this.track(model).done(status);
  }

  private track(model: string): { done(status: number): void } {
    this.active++;
    let finished = false;
    return {
      done: (status) => {
        if (finished) return;
        finished = true;
        this.active--;
        this.metrics.countRequest(model, status);
      },
    };
  }

  /** Marks the server not ready (shutdown begins); requests already accepted still finish. */
  drain(): void {
    this.isDraining = true;
  }

  /** Stops every worker pool. */
  async close(): Promise<void> {
    this.isDraining = true;
    // Stream loops run until told to stop; the pools wait for running tasks.
    await Promise.all(
      this.models().flatMap((m) => (m.streams ? [m.streams.close().catch(() => {})] : [])),
    );
    const pools = this.models().flatMap((m) => (m.pool ? [m.pool] : []));
    await Promise.all(pools.map((p) => p.close().catch(() => {})));
  }
}

type UsableModel = ServedModel & Required<Pick<ServedModel, 'description' | 'pool'>>;

function withDeadline(deadlineAt: number | undefined): { deadlineAt?: number } {
  return deadlineAt === undefined ? {} : { deadlineAt };
}

/** Copies typed arrays that are still the caller's own objects, so transferring them is safe. */
function copyData(checked: Record<string, Tensor>, original: Record<string, Tensor>): void {
  for (const [name, t] of Object.entries(checked)) {
    if (ArrayBuffer.isView(t.data) && t.data === original[name]?.data) {
      checked[name] = { ...t, data: t.data.slice() };
    }
  }
}
