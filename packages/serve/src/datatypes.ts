import type { Datatype, TypedArray } from './types.js';

type TypedArrayCtor = { new (length: number): TypedArray; BYTES_PER_ELEMENT: number };

interface DatatypeInfo {
  /** onnxruntime's tensor type name. */
  ort: string;
  /** Typed array holding the elements (BYTES: none, plain string[]). */
  array?: TypedArrayCtor;
  /** Elements are bigints (INT64/UINT64). */
  big?: boolean;
  /** Integer range for JSON validation. */
  min?: number;
  max?: number;
}

export const DATATYPES: Record<Datatype, DatatypeInfo> = {
  BOOL: { ort: 'bool', array: Uint8Array },
  UINT8: { ort: 'uint8', array: Uint8Array, min: 0, max: 0xff },
  UINT16: { ort: 'uint16', array: Uint16Array, min: 0, max: 0xffff },
  UINT32: { ort: 'uint32', array: Uint32Array, min: 0, max: 0xffffffff },
  UINT64: { ort: 'uint64', array: BigUint64Array, big: true, min: 0 },
  INT8: { ort: 'int8', array: Int8Array, min: -0x80, max: 0x7f },
  INT16: { ort: 'int16', array: Int16Array, min: -0x8000, max: 0x7fff },
  INT32: { ort: 'int32', array: Int32Array, min: -0x80000000, max: 0x7fffffff },
  INT64: { ort: 'int64', array: BigInt64Array, big: true },
  // Raw IEEE half-float bits; JSON numbers are converted with toHalf/fromHalf.
  FP16: { ort: 'float16', array: Uint16Array },
  FP32: { ort: 'float32', array: Float32Array },
  FP64: { ort: 'float64', array: Float64Array },
  BYTES: { ort: 'string' },
};

export function isDatatype(value: unknown): value is Datatype {
  return typeof value === 'string' && Object.hasOwn(DATATYPES, value);
}

const FROM_ORT = new Map<string, Datatype>(
  Object.entries(DATATYPES).map(([dt, info]) => [info.ort, dt as Datatype]),
);

/** Datatype for an onnxruntime / tfjs type name, or undefined if it has none. */
export function datatypeFromOrt(type: string): Datatype | undefined {
  return FROM_ORT.get(type);
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/**
 * A typed array of the datatype's natural kind holding `data` (copied when it is not one).
 * FP16 plain numbers are values, converted to half-float bits.
 */
export function toTypedArray(
  datatype: Datatype,
  data: ArrayLike<number | bigint | boolean> | TypedArray,
): TypedArray {
  const info = DATATYPES[datatype];
  if (!info.array) throw new TypeError(`${datatype} has no typed array form`);
  if (data instanceof info.array) return data;
  const out = new info.array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number | bigint | boolean;
    if (info.big) (out as BigInt64Array)[i] = typeof v === 'bigint' ? v : BigInt(Number(v));
    else if (datatype === 'FP16') (out as Uint16Array)[i] = toHalf(Number(v));
    else (out as Float64Array)[i] = Number(v);
  }
  return out;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 half-float bits for a number (round to nearest even). */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0] as number;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf / NaN
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow → Inf
  if (e <= 0) {
    if (e < -10) return sign; // underflow → ±0
    mant |= 0x800000;
    const shift = 14 - e;
    const half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0));
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++; // may carry into the exponent
  return sign | half;
}

/** The number a half-float bit pattern stands for. */
export function fromHalf(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
