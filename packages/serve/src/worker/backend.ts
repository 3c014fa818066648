import type { GeneratedToken, GenerateParameters, Tensor, TensorSpec } from '../types.js';

/** A model loaded inside a worker thread. */
export interface LoadedModel {
  /** V2 platform name, e.g. `onnx_onnxv1`. */
  platform: string;
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
      data: spec.datatype === 'BYTES' ? new Array<string>(n).fill('') : zeros(spec.datatype, n),
    };
  }
  return out;
}

function zeros(datatype: TensorSpec['datatype'], n: number): Tensor['data'] {
  switch (datatype) {
    case 'INT64':
      return new BigInt64Array(n);
    case 'UINT64':
      return new BigUint64Array(n);
    case 'FP64':
      return new Float64Array(n);
    case 'FP32':
      return new Float32Array(n);
    case 'INT32':
      return new Int32Array(n);
    case 'UINT32':
      return new Uint32Array(n);
    case 'INT16':
      return new Int16Array(n);
    case 'UINT16':
    case 'FP16':
      return new Uint16Array(n);
    case 'INT8':
      return new Int8Array(n);
    default:
      return new Uint8Array(n);
  }
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
