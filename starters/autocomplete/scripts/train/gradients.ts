import * as tf from '@tensorflow/tfjs';
import type { Batch } from './batches.js';
import type { GptConfig } from './gpt-config.js';
import { gptLoss } from './gpt-model.js';
import { unflatten } from './flat-weights.js';

/** Loss (mean nats per token) and its gradient, flat in the same layout as the parameters. */
export interface GradientResult {
  loss: number;
  grad: Float32Array;
}

/** One forward + backward pass of the tfjs model on a batch (the wasm backend must be ready). */
export function computeGradients(c: GptConfig, params: Float32Array, b: Batch): GradientResult {
  const weights = unflatten(c, params);
  const grad = new Float32Array(params.length);
  const loss = tf.tidy(() => {
    const tensors = weights.map((w) => tf.tensor(w.data, w.shape, 'float32'));
    const inputs = tf.tensor1d(b.inputs, 'int32');
    const targets = tf.tensor1d(b.targets, 'int32');
    const byName = Object.fromEntries(weights.map((w, i) => [w.name, tensors[i]!]));
    const f = (..._: tf.Tensor[]) => gptLoss(c, byName, inputs, targets, b.batch, b.seqLen);
    const { value, grads } = tf.valueAndGrads(f)(tensors);
    let offset = 0;
    for (const g of grads) {
      const data = g.dataSync() as Float32Array;
      grad.set(data, offset);
      offset += data.length;
    }
    return value.dataSync()[0]!;
  });
  return { loss, grad };
}
