import type { TensorInput, V2Output, V2RequestInput } from './v2-types.js';

/**
 * Turns `{ name: tensor }` into the V2 wire form. Typed arrays become plain number lists
 * (JSON has no binary); 64-bit integers become numbers, exact up to 2^53.
 */
export function toRequestInputs(inputs: Record<string, TensorInput>): V2RequestInput[] {
  return Object.entries(inputs).map(([name, t]) => ({
    name,
    datatype: t.datatype,
    shape: t.shape,
    data: Array.from(t.data as ArrayLike<number | bigint | boolean | string>, (v) =>
      typeof v === 'bigint' ? Number(v) : v,
    ),
  }));
}

/** A decoded output: numeric outputs come back as a typed array matching `datatype`. */
export interface OutputTensor {
  datatype: V2Output['datatype'];
  shape: number[];
  data: Float32Array | Float64Array | Int32Array | Uint8Array | number[] | string[] | boolean[];
}

// JSON numbers → the typed array post-processing code expects for each datatype.
function toTypedArray(
  datatype: V2Output['datatype'],
  data: number[],
): OutputTensor['data'] | undefined {
  switch (datatype) {
    case 'FP32':
      return Float32Array.from(data);
    case 'FP64':
      return Float64Array.from(data);
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'UINT16':
      return Int32Array.from(data);
    case 'UINT8':
      return Uint8Array.from(data);
    default:
      return undefined;
  }
}

/**
 * Indexes V2 outputs by name. FP32/FP64/small integers become typed arrays (cheap to post-process);
 * 64-bit integers stay `number[]`, `BYTES` stays `string[]`, `BOOL` stays `boolean[]`.
 */
export function outputsByName(outputs: V2Output[]): Record<string, OutputTensor> {
  const byName: Record<string, OutputTensor> = {};
  for (const out of outputs) {
    const data = toTypedArray(out.datatype, out.data as number[]) ?? out.data;
    byName[out.name] = { datatype: out.datatype, shape: out.shape, data } as OutputTensor;
  }
  return byName;
}
