import type { MessagePort } from 'node:worker_threads';
import type { StreamRequest } from './causal-lm/completion.js';
import type { FusedCounts } from './fuse-graph.js';
import type {
  Backend,
  FinishReason,
  GeneratedToken,
  GenerateParameters,
  NextTokens,
  Tensor,
  TensorSpec,
} from '../types.js';

/** What each worker thread receives as `workerData`: enough to load one model session. */
export interface WorkerConfig {
  name: string;
  backend: Backend;
  /** Model file (onnx), model directory (tfjs) or pipeline module (pipeline). */
  path: string;
  threads: number;
  /** Added to the worker thread's nice value (lower priority than the event loop). */
  niceIncrement: number;
  /** onnx: whether ONNX Runtime's pool threads spin while waiting for work. */
  spinThreads: boolean;
  /** onnx: rewrite the graph's written-out element-wise chains before loading it. */
  fuseGraph: boolean;
  inputs?: TensorSpec[];
  outputs?: TensorSpec[];
  skipWarmup: boolean;
  options?: unknown;
}

export type WorkerTask =
  | { kind: 'describe' }
  | { kind: 'run'; inputs: Record<string, Tensor>; parameters?: Record<string, unknown> }
  | {
      kind: 'generate';
      text: string;
      parameters: GenerateParameters;
      /** Tokens go out on it; the string 'cancel' comes in when the client has gone. */
      port: MessagePort;
    }
  | {
      kind: 'streams';
      /** Carries `StreamCommand`s in and `StreamBatch`es out until 'stop'. */
      port: MessagePort;
    };

/** Answer to `describe`: the model's interface as the loaded session sees it. */
export interface ModelDescription {
  platform: string;
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  /** False for a pipeline that declares no inputs: any inputs are passed through. */
  checksInputs: boolean;
  /** Supports `run` (infer). */
  infers: boolean;
  /** Supports `generate`. */
  generates: boolean;
  /** Generates through a `streams` task per worker (continuous batching, causal LMs). */
  streams?: { context: number };
  /** Set when the warm-up run failed (the model still serves). */
  warmupError?: string;
  /** onnx with `fuseGraph`: what the rewrite did. */
  fused?: FusedCounts;
}

export interface RunResult {
  outputs: Record<string, Tensor>;
  /** Time inside the session's run, ms. */
  computeMs: number;
}

/** Messages a worker posts on a generate task's port. */
export type GenerateMessage =
  | { type: 'token'; token: GeneratedToken }
  | { type: 'done'; finishReason: FinishReason | 'cancelled' };

/** Main thread → a worker's stream loop. `id` names a request (all its completions). */
export type StreamCommand =
  | { type: 'join'; id: number; prompt: string; params: StreamRequest }
  | { type: 'probe'; id: number; prompt: string; topK: number }
  | { type: 'cancel'; id: number }
  /** Cancel everything and end the loop (shutdown). */
  | { type: 'stop' };

/** Worker → main thread, about request `id`. After `done` or `error` its slots are free. */
export type StreamEvent =
  | { id: number; kind: 'start'; promptTokens: number; truncated: boolean }
  | { id: number; kind: 'token'; index: number; token: GeneratedToken }
  | {
      id: number;
      kind: 'end';
      index: number;
      finishReason: FinishReason | 'cancelled';
      generated: number;
    }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'probe'; result: NextTokens }
  | { id: number; kind: 'error'; message: string };

/** What a stream loop posts after each phase of a step: its events and the model runs. */
export interface StreamBatch {
  events: StreamEvent[];
  /** One entry per decode step: rows in the batch and the run's wall time, ms. */
  steps: { rows: number; ms: number }[];
}
