import { DATATYPES, elementCount, fromHalf, isDatatype, toHalf } from './datatypes.js';
import { InvalidInputError } from './errors.js';
import type { Datatype, Tensor } from './types.js';

/** `$request_input` / `$response_output` of the Open Inference Protocol. */
export interface JsonTensor {
  name: string;
  shape: number[];
  datatype: string;
  parameters?: Record<string, unknown>;
  data: unknown[];
}

/** Nested arrays deeper than this are refused (a tensor of rank 32 is already absurd). */
const MAX_DEPTH = 32;

function flatten(data: unknown[], name: string): unknown[] {
  if (!data.some(Array.isArray)) return data; // already flat, the usual case
  const out: unknown[] = [];
  const walk = (arr: unknown[], depth: number) => {
    if (depth > MAX_DEPTH) throw new InvalidInputError(`input '${name}': data nested too deep`);
    for (const v of arr) {
      if (Array.isArray(v)) walk(v, depth + 1);
      else out.push(v);
    }
  };
  walk(data, 0);
  return out;
}

function bad(name: string, datatype: Datatype, index: number, value: unknown): never {
  throw new InvalidInputError(
    `input '${name}': element ${index} (${JSON.stringify(value)}) is not a valid ${datatype} value`,
  );
}

function convertElements(name: string, datatype: Datatype, flat: unknown[]): Tensor['data'] {
  const info = DATATYPES[datatype];
  if (datatype === 'BYTES') {
    flat.forEach((v, i) => typeof v !== 'string' && bad(name, datatype, i, v));
    return flat as string[];
  }
  const out = new info.array!(flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    if (datatype === 'BOOL') {
      if (v !== true && v !== false && v !== 0 && v !== 1) bad(name, datatype, i, v);
      out[i] = v ? 1 : 0;
    } else if (info.big) {
      const big = toBigInt(v);
      const min = datatype === 'UINT64' ? 0n : -(2n ** 63n);
      const max = datatype === 'UINT64' ? 2n ** 64n - 1n : 2n ** 63n - 1n;
      if (big === undefined || big < min || big > max) bad(name, datatype, i, v);
      out[i] = big;
    } else if (info.min !== undefined) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < info.min || v > info.max!) {
        bad(name, datatype, i, v);
      }
      out[i] = v;
    } else {
      const num = toFloat(v);
      if (num === undefined) bad(name, datatype, i, v);
      out[i] = datatype === 'FP16' ? toHalf(num) : num;
    }
  }
  return out;
}

function toBigInt(v: unknown): bigint | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d{1,20}$/.test(v)) return BigInt(v);
  return undefined;
}

// JSON has no NaN/Infinity, so they may come as strings.
function toFloat(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return Number(v);
  return undefined;
}

/** Validates one `$request_input` and converts its data to a typed array (BYTES: strings). */
export function decodeInput(raw: unknown): Tensor & { name: string } {
  if (typeof raw !== 'object' || raw === null)
    throw new InvalidInputError('input must be an object');
  const { name, shape, datatype, data } = raw as Partial<JsonTensor>;
  if (typeof name !== 'string') throw new InvalidInputError("input is missing a string 'name'");
  if (!isDatatype(datatype)) {
    throw new InvalidInputError(`input '${name}': unknown datatype ${JSON.stringify(datatype)}`);
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new InvalidInputError(`input '${name}': shape must be an array of non-negative integers`);
  }
  if (!Array.isArray(data)) throw new InvalidInputError(`input '${name}': data must be an array`);
  const flat = flatten(data, name);
  const expected = elementCount(shape);
  if (flat.length !== expected) {
    throw new InvalidInputError(
      `input '${name}': shape [${shape.join(',')}] needs ${expected} elements, got ${flat.length}`,
    );
  }
  return { name, datatype, shape, data: convertElements(name, datatype, flat) };
}

function jsonData(t: Tensor): unknown[] {
  const data = t.data;
  if (t.datatype === 'BOOL') return Array.from(data as ArrayLike<unknown>, (v) => Boolean(v));
  if (t.datatype === 'FP16' && data instanceof Uint16Array) return Array.from(data, fromHalf);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    return Array.from(data as ArrayLike<bigint>, Number);
  }
  if (Array.isArray(data)) {
    return data.map((v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  }
  // A plain loop: Array.from goes through the iterator protocol, slow for typed arrays.
  const out = new Array<number>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] as number;
  return out;
}

/** A tensor as a `$response_output` (flat data; INT64 as JSON numbers). */
export function encodeOutput(name: string, tensor: Tensor): JsonTensor {
  return { name, datatype: tensor.datatype, shape: tensor.shape, data: jsonData(tensor) };
}
