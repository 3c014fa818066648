import * as tf from '@tensorflow/tfjs';
import type { GptTensors } from './gpt-model.js';
import type { GptWeights } from './weights.js';

/** Copies weights into tfjs tensors, by name (dispose them with `tf.dispose(Object.values(t))`). */
export function toTensors(weights: GptWeights): GptTensors {
  return Object.fromEntries(weights.map((w) => [w.name, tf.tensor(w.data, w.shape, 'float32')]));
}
