import { DATATYPES, elementCount, isDatatype, toTypedArray } from './datatypes.js';
import { InvalidInputError } from './errors.js';
import type { Tensor, TensorSpec } from './types.js';

/**
 * Checks `inputs` against a model's declared inputs (names, datatypes, ranks, fixed dims and
 * element counts) and returns them with `data` as typed arrays, ready to be transferred.
 */
export function checkInputs(
  model: string,
  specs: readonly TensorSpec[],
  inputs: Record<string, Tensor>,
): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const name of Object.keys(inputs)) {
    if (!specs.some((s) => s.name === name)) {
      const known = specs.map((s) => s.name).join(', ');
      throw new InvalidInputError(`model '${model}' has no input '${name}' (inputs: ${known})`);
    }
  }
  for (const spec of specs) {
    const t = inputs[spec.name];
    if (!t) throw new InvalidInputError(`model '${model}' needs input '${spec.name}'`);
    out[spec.name] = checkTensor(spec, t);
  }
  return out;
}

function checkTensor(spec: TensorSpec, t: Tensor): Tensor {
  const where = `input '${spec.name}'`;
  if (!isDatatype(t.datatype)) throw new InvalidInputError(`${where}: unknown datatype`);
  if (t.datatype !== spec.datatype) {
    throw new InvalidInputError(`${where}: expected datatype ${spec.datatype}, got ${t.datatype}`);
  }
  const fits =
    Array.isArray(t.shape) &&
    t.shape.length === spec.shape.length &&
    t.shape.every(
      (d, i) => Number.isSafeInteger(d) && d >= 0 && (spec.shape[i] === -1 || d === spec.shape[i]),
    );
  if (!fits) {
    throw new InvalidInputError(
      `${where}: shape [${String(t.shape)}] does not match [${spec.shape.join(',')}] (-1 = any size)`,
    );
  }
  const count = elementCount(t.shape);
  if (t.data.length !== count) {
    throw new InvalidInputError(
      `${where}: shape [${t.shape.join(',')}] needs ${count} elements, got ${t.data.length}`,
    );
  }
  if (t.datatype === 'BYTES') {
    if (!Array.isArray(t.data) || !t.data.every((v) => typeof v === 'string')) {
      throw new InvalidInputError(`${where}: BYTES data must be strings`);
    }
    return t;
  }
  if (Array.isArray(t.data) && t.data.some((v) => typeof v === 'string')) {
    throw new InvalidInputError(`${where}: ${t.datatype} data must be numbers`);
  }
  const ctor = DATATYPES[t.datatype].array!;
  const data = t.data instanceof ctor ? t.data : toTypedArray(t.datatype, t.data as number[]);
  return { datatype: t.datatype, shape: [...t.shape], data };
}
