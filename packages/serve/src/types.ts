/** Open Inference Protocol tensor datatypes. */
export type Datatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

export type TypedArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | BigUint64Array
  | BigInt64Array
  | Float32Array
  | Float64Array;

/**
 * A tensor, row-major. `data` is flat: a typed array of the datatype's natural kind
 * (BOOL → Uint8Array of 0/1, FP16 → Uint16Array of raw half-float bits, INT64/UINT64 →
 * BigInt64Array/BigUint64Array), a plain array of numbers/bigints, or strings for BYTES.
 */
export interface Tensor {
  datatype: Datatype;
  /** Dimensions; their product is the number of elements in `data`. */
  shape: number[];
  data: TypedArray | string[] | number[] | bigint[] | boolean[];
}

/** Declared model input/output. `-1` marks a variable-size dimension. */
export interface TensorSpec {
  name: string;
  datatype: Datatype;
  shape: number[];
}

/** The parts of a `@shipml/models` ResolvedModel that serving needs (structural type). */
export interface ResolvedModelLike {
  id: string;
  /** Absolute path of the main model file. */
  path: string;
  files?: Record<string, string>;
  runtime?: string;
}

/**
 * `causal-lm`: a GPT-2-family model in the Hugging Face ONNX layout with a KV cache, generating
 * by continuous batching.
 */
export type Backend = 'onnx' | 'tfjs' | 'pipeline' | 'causal-lm';

export interface ModelConfig {
  /** Name used in the V2 routes and in `infer(name, …)`. */
  name: string;
  /** Default `'1'`. */
  version?: string;
  backend: Backend;
  /**
   * Absolute path: the `.onnx` file (onnx), the directory holding `model.json` (tfjs), the
   * pipeline's JavaScript module (pipeline), or the Hugging Face model folder (causal-lm: holds
   * `config.json`, `tokenizer.json`, `onnx/model.onnx`…). Either this or `model`.
   */
  path?: string;
  /** A resolved manifest entry from `@shipml/models`; its `path` is used. */
  model?: ResolvedModelLike;
  /** Largest number of rows (sum of dim 0) run as one batch. Default 1 (no batching). */
  maxBatchSize?: number;
  /**
   * How long a free worker may wait, in ms, for the requests it expects (as many rows as were
   * recently queued or running at once) to fill a batch. A lone request never waits. Default 2.
   */
  maxQueueDelayMs?: number;
  /** Requests allowed to wait in this model's queue; beyond it → 503. Default 256. */
  maxQueueSize?: number;
  /** Worker threads, one model session each. Default 1. */
  workers?: number;
  /**
   * causal-lm: how many sequences each worker decodes together, one model call per step
   * (a request with `n` completions takes `n`). Beyond them requests wait in the queue
   * (`maxQueueSize`). Default 16.
   */
  slotsPerWorker?: number;
  /** Threads each session may use (ONNX Runtime intra-op threads). Default 1. */
  threadsPerWorker?: number;
  /**
   * Lowers the worker threads' scheduling priority by this nice increment (0–19; Linux and
   * macOS) so the event loop wins a contended core: health checks and request intake stay
   * prompt while the workers compute. Default 5; 0 keeps normal priority.
   */
  niceIncrement?: number;
  /**
   * onnx: let ONNX Runtime's pool threads spin between parallel sections (its default), so a
   * chain of small ops does not wait for threads to wake. Set false where several models or
   * processes share few cores: spinning threads then burn CPU the others need. Default true.
   */
  spinThreads?: boolean;
  /**
   * onnx: before loading, rewrite chains of small element-wise ops that ONNX Runtime runs one
   * by one — a scalar scale and shift beside a convolution (folded into its weights),
   * hard-swish written as Add/Clip/Mul/Div (one op) — the way PaddlePaddle and older PyTorch
   * exports write them. Exact up to float rounding; PP-OCR's detector and recogniser ran
   * 1.4–1.8× faster on a CPU. Costs a parse of the file at load. Default false.
   */
  fuseGraph?: boolean;
  /** Declared inputs; read from the model when omitted (onnx, tfjs) or from the pipeline. */
  inputs?: TensorSpec[];
  /** Declared outputs; read from the model when omitted. */
  outputs?: TensorSpec[];
  /** Skip the warm-up inference run at load. Default false. */
  skipWarmup?: boolean;
  /** Passed to a pipeline module's `load(ctx)` as `ctx.options`. Must be structured-cloneable. */
  options?: unknown;
}

export interface InferOptions {
  /** Model version; default the model's only version. */
  version?: string;
  /** Aborting it removes the request from the queue (or discards its result). */
  signal?: AbortSignal;
  /** Time budget from now in ms; past it → 504. */
  deadlineMs?: number;
  /** Only return these outputs (default all). */
  outputs?: string[];
  /** Free-form parameters passed to a pipeline's `infer` (such requests are not batched). */
  parameters?: Record<string, unknown>;
  /**
   * Move your typed arrays' buffers to the worker instead of copying them (they are detached
   * afterwards: use when you no longer need them). Default false.
   */
  transfer?: boolean;
}

/**
 * `POST …/generate` parameters (generate_rest.yaml `GenerateParameters`, plus `top_k`, `seed`
 * and `n`). Pipelines receive them as they are; causal-lm models apply them all.
 */
export interface GenerateParameters {
  /** 0 picks the most likely token (greedy); higher flattens the distribution. */
  temperature?: number;
  /** Nucleus sampling: sample among the most likely tokens holding this much probability, (0, 1]. */
  top_p?: number;
  /** Sample among the k most likely tokens; 0 means no limit. */
  top_k?: number;
  /** Seed for sampling (integer, 0 … 2^32-1): the same seed gives the same text. */
  seed?: number;
  /** Completions of the same prompt (causal-lm), 1 … 16. */
  n?: number;
  /** New tokens at most, 1 … 4096. */
  max_tokens?: number;
  /** Stop once the text contains one of these (it is included). */
  stop?: string[];
  details?: boolean;
  [key: string]: unknown;
}

/** One generated token. */
export interface GeneratedToken {
  id: number;
  /** The text it adds ('' while it ends inside a multi-byte character: the next one carries it). */
  text: string;
  /** The model's log-probability of this token (natural log, temperature 1). */
  logprob: number;
  special: boolean;
}

export type FinishReason = 'length' | 'eos_token' | 'stop_sequence';

/** The model's most likely next tokens after a prompt (`app.inference.nextTokens`). */
export interface NextTokens {
  /** Prompt length in tokens, after truncation. */
  promptTokens: number;
  /** True when the prompt was longer than the context and its start was dropped. */
  truncated: boolean;
  /** Most likely first; `prob` is the softmax probability (temperature 1), 0..1. */
  tokens: { id: number; text: string; prob: number }[];
}

/** Where a generation's time went, ms from the `generate` call. */
export interface GenerateTimings {
  /** Until the first token arrived (queueing and prompt processing included). */
  firstTokenMs: number | undefined;
  totalMs: number;
}

/**
 * What a generation stream yields. causal-lm models first yield `start` (the prompt's size and
 * whether its start was cut to fit the context); then come tokens and, per completion, a `done`.
 * `index` tells the completions apart when `n` > 1 (0 otherwise).
 */
export type GenerateEvent =
  | { type: 'start'; promptTokens: number; truncated: boolean }
  | { type: 'token'; index: number; token: GeneratedToken }
  | {
      type: 'done';
      index: number;
      finishReason: FinishReason;
      generatedTokens: number;
      timings: GenerateTimings;
    };

export interface GenerateOptions {
  version?: string;
  signal?: AbortSignal;
  deadlineMs?: number;
}

export interface NextTokensOptions {
  /** How many tokens, 1 … 100. Default 5. */
  topK?: number;
  version?: string;
  signal?: AbortSignal;
  deadlineMs?: number;
}

export interface ServeOptions {
  /** The models to serve; all are loaded (and warmed up) before the server reports ready. */
  models: ModelConfig[];
  /** Deadline applied to requests without one, ms. Default: none. */
  defaultDeadlineMs?: number;
  /** On shutdown, how long in-flight requests and streams may take to finish, ms. Default 10000. */
  drainTimeoutMs?: number;
  /** Request header carrying a per-request deadline in ms. Default `x-shipml-deadline-ms`. */
  deadlineHeader?: string;
  /** Largest accepted body on the V2 routes, bytes (→ 413). Default 32 MiB. */
  bodyLimit?: number;
  /**
   * Wait for every model to load before the plugin finishes registering (so `await app.ready()`
   * means the models are up). With false, models load in the background and
   * `/v2/health/ready` answers 503 until they are ready. Default true.
   */
  waitForModels?: boolean;
  /** Serve OpenAPI docs at `/docs` (needs @fastify/swagger not registered elsewhere). Default true. */
  docs?: boolean;
  /** Serve Prometheus metrics at `/metrics`. Default true. */
  metrics?: boolean;
  /** Install a JSON 404 handler (turn off when the app sets its own). Default true. */
  notFoundHandler?: boolean;
  /** Name reported by `GET /v2`. Default `shipml-serve`. */
  serverName?: string;
}
