import * as tf from '@tensorflow/tfjs';

/**
 * Sum over rows: [rows, cols] → [cols]. Written as ones[1, rows] @ x because tfjs reduces a
 * non-last axis by transposing first, and a 2-D matMul is the faster way on wasm.
 */
export function columnSum(x: tf.Tensor2D): tf.Tensor1D {
  return tf.reshape(tf.matMul(tf.ones([1, x.shape[0]]), x), [x.shape[1]]);
}
