import type { MessagePort } from 'node:worker_threads';
import type {
  Backend,
  FinishReason,
  GeneratedToken,
  GenerateParameters,
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
  /** Set when the warm-up run failed (the model still serves). */
  warmupError?: string;
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
