import type { GptConfig } from './gpt-config.js';
import { parameterShapes, type GptWeights } from './weights.js';

/** All parameters in one float32 vector, in `parameterShapes` order (what the optimizer updates). */
export function flatten(weights: GptWeights): Float32Array {
  const flat = new Float32Array(weights.reduce((n, w) => n + w.data.length, 0));
  let offset = 0;
  for (const w of weights) {
    flat.set(w.data, offset);
    offset += w.data.length;
  }
  return flat;
}

/** Named views into a flat vector (no copy: writes to the views change the vector). */
export function unflatten(c: GptConfig, flat: Float32Array): GptWeights {
  let offset = 0;
  const weights = parameterShapes(c).map(({ name, shape }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const data = flat.subarray(offset, offset + size);
    offset += size;
    return { name, shape, data };
  });
  if (offset !== flat.length) throw new Error(`expected ${offset} parameters, got ${flat.length}`);
  return weights;
}
