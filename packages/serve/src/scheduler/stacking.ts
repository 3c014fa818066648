import type { Tensor, TypedArray } from '../types.js';

/**
 * Stacking key for a request: requests with the same key have the same input names,
 * datatypes and non-batch dims, so they can be concatenated along dim 0.
 * Null when the inputs disagree on dim 0 (or are scalars): the request runs alone.
 */
export function batchKey(inputs: Record<string, Tensor>): { key: string; rows: number } | null {
  const names = Object.keys(inputs).sort();
  let rows = -1;
  const parts: string[] = [];
  for (const name of names) {
    const t = inputs[name]!;
    const dim0 = t.shape[0];
    if (dim0 === undefined || dim0 < 1 || (rows !== -1 && dim0 !== rows)) return null;
    rows = dim0;
    parts.push(`${name}:${t.datatype}:${t.shape.slice(1).join('x')}`);
  }
  return rows < 1 ? null : { key: parts.join('|'), rows };
}

/** Concatenates each named input of `requests` along dim 0. */
export function stack(
  requests: Record<string, Tensor>[],
  totalRows: number,
): Record<string, Tensor> {
  const first = requests[0]!;
  const out: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(first)) {
    const shape = [totalRows, ...t.shape.slice(1)];
    if (t.datatype === 'BYTES') {
      out[name] = {
        datatype: t.datatype,
        shape,
        data: requests.flatMap((r) => r[name]!.data as string[]),
      };
      continue;
    }
    const parts = requests.map((r) => r[name]!.data as TypedArray);
    const ctor = (parts[0] as TypedArray).constructor as new (n: number) => TypedArray;
    const data = new ctor(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      (data as Float64Array).set(p as Float64Array, offset);
      offset += p.length;
    }
    out[name] = { datatype: t.datatype, shape, data };
  }
  return out;
}

/** Splits batched outputs back along dim 0: `rows[i]` rows for request i. */
export function unstack(outputs: Record<string, Tensor>, rows: number[]): Record<string, Tensor>[] {
  const total = rows.reduce((a, b) => a + b, 0);
  const results: Record<string, Tensor>[] = rows.map(() => ({}));
  for (const [name, t] of Object.entries(outputs)) {
    if (t.shape[0] !== total) {
      throw new Error(
        `output '${name}' has dim 0 = ${t.shape[0]}, expected the batch size ${total}`,
      );
    }
    const perRow = t.data.length / total;
    let row = 0;
    rows.forEach((n, i) => {
      const start = row * perRow;
      const end = (row + n) * perRow;
      const data = Array.isArray(t.data) ? t.data.slice(start, end) : t.data.subarray(start, end);
      results[i]![name] = { datatype: t.datatype, shape: [n, ...t.shape.slice(1)], data: data };
      row += n;
    });
  }
  return results;
}
