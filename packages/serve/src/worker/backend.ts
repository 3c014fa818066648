import type { FusedCounts } from './fuse-graph.js';
import type { MessagePort } from 'node:worker_threads';
import { DATATYPES } from '../datatypes.js';
import type { GeneratedToken, GenerateParameters, Tensor, TensorSpec } from '../types.js';

/** A model loaded inside a worker thread. */
export interface LoadedModel {
  /** V2 platform name, e.g. `onnx_onnxv1`. */
  platform: string;
  /** onnx with `fuseGraph`: what the rewrite did. */
  fused?: FusedCounts;
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  run?(
    inputs: Record<string, Tensor>,
    parameters?: Record<string, unknown>,
  ): Promise<Record<string, Tensor>>;
  generate?(
    request: { text: string; parameters: GenerateParameters },
    signal: AbortSignal,
  ): AsyncIterable<GeneratedToken>;
  /**
   * Serves generation requests arriving on `port` until told to stop (continuous batching):
   * the worker runs one such task for its whole life.
   */
  serveStreams?(port: MessagePort): Promise<void>;
  /** Set with `serveStreams`: the longest sequence the model takes, tokens. */
  context?: number;
  /** Custom warm-up (pipelines); otherwise `run` is called once with zero inputs. */
  warmup?(): Promise<void>;
}

/** Zero-filled inputs for a warm-up run: a variable batch dim → 1, other variable dims → 32. */
export function warmupInputs(specs: TensorSpec[]): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const spec of specs) {
    const shape = spec.shape.map((d, i) => (d >= 0 ? d : i === 0 ? 1 : 32));
    const n = shape.reduce((a, b) => a * b, 1);
    out[spec.name] = {
      datatype: spec.datatype,
      shape,
      data: zeros(spec.datatype, n),
    };
  }
  return out;
}

/** `n` zero elements in the datatype's typed array (the DATATYPES table says which). */
function zeros(datatype: TensorSpec['datatype'], n: number): Tensor['data'] {
  const array = DATATYPES[datatype].array;
  return array ? new array(n) : new Array<string>(n).fill('');
}

/**
 * The ArrayBuffers of `tensors` that can be transferred instead of copied: only buffers a
 * tensor owns completely (not a view into a larger or shared buffer). Others are copied first.
 */
export function ownBuffers(tensors: Record<string, Tensor>): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const t of Object.values(tensors)) {
    if (!ArrayBuffer.isView(t.data)) continue;
    const d = t.data;
    const owns =
      d.buffer instanceof ArrayBuffer &&
      d.byteOffset === 0 &&
      d.byteLength === d.buffer.byteLength &&
      !seen.has(d.buffer);
    const own = owns ? d : d.slice();
    t.data = own;
    seen.add(own.buffer as ArrayBuffer);
  }
  return [...seen];
}
