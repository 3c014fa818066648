import type * as ort from 'onnxruntime-node';
import type { GeneratedToken, GenerateParameters, Tensor, TensorSpec } from './types.js';
import { fromOrt, openSession, toOrt } from './worker/onnx-backend.js';

/** What a pipeline's `load` receives, once per worker thread. */
export interface PipelineContext {
  /** The model config's `options` (e.g. paths of the ONNX files the pipeline needs). */
  options: unknown;
  /** Threads each session may use (the model's `threadsPerWorker`). */
  threads: number;
  /** Opens an ONNX model (path or bytes) with this worker's thread settings. */
  loadOnnx(model: string | Uint8Array): Promise<ort.InferenceSession>;
  /** Converts a serve tensor to an onnxruntime tensor (shares the data). */
  toOrt(tensor: Tensor): ort.Tensor;
  /** Converts an onnxruntime tensor to a serve tensor (shares the data). */
  fromOrt(tensor: ort.Tensor): Tensor;
}

/** A loaded pipeline. Implement `infer`, `generate`, or both. */
export interface Pipeline {
  /** Declared inputs; when absent (and not in the model config) inputs are not checked. */
  inputs?: TensorSpec[];
  outputs?: TensorSpec[];
  /** Tensors in → tensors out, for `POST …/infer` and `app.inference.infer`. */
  infer?(
    inputs: Record<string, Tensor>,
    parameters: Record<string, unknown>,
  ): Promise<Record<string, Tensor>>;
  /**
   * Yields generated tokens, for `POST …/generate[_stream]`. Serving stops the loop at
   * `max_tokens` or a `stop` sequence; the pipeline ends it at its end-of-sequence token.
   * `signal` aborts when the client has gone.
   */
  generate?(
    request: { text: string; parameters: GenerateParameters },
    signal: AbortSignal,
  ): AsyncIterable<GeneratedToken>;
  /** Run once after load, before the model reports ready. */
  warmup?(): Promise<void>;
}

/** The default export of a pipeline module (plain JavaScript at runtime; it runs in a worker). */
export interface PipelineModule {
  load(ctx: PipelineContext): Pipeline | Promise<Pipeline>;
}

/** Identity helper that types a pipeline module: `export default definePipeline({ load })`. */
export function definePipeline(module: PipelineModule): PipelineModule {
  return module;
}

export function pipelineContext(options: unknown, threads: number): PipelineContext {
  return { options, threads, loadOnnx: (m) => openSession(m, threads), toOrt, fromOrt };
}
