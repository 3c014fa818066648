import * as tf from '@tensorflow/tfjs';

const C = Math.sqrt(2 / Math.PI);
const A = 0.044715;

/**
 * GPT-2's GELU, the tanh approximation (Hugging Face calls it "gelu_new"):
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). Elementwise, any shape.
 * Computed as tanh(z) = 2·sigmoid(2z) − 1 and x³ = x·x·x: the same function, but wasm's sigmoid
 * and multiply are ~10× faster than its tanh and pow.
 */
export function gelu<T extends tf.Tensor>(x: T): T {
  const op = tf.customGrad((...args) => {
    const [xs, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const x2 = tf.mul(xs, xs);
    const z = tf.mul(C, tf.add(xs, tf.mul(A, tf.mul(x2, xs))));
    const t = tf.sub(tf.mul(2, tf.sigmoid(tf.mul(2, z))), 1);
    save([xs, x2, t]);
    return {
      value: tf.mul(tf.mul(0.5, xs), tf.add(1, t)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sx2, st] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        // d/dx = 0.5·(1 + t) + 0.5·x·(1 − t²)·√(2/π)·(1 + 3·0.044715·x²)
        const inner = tf.mul(C, tf.add(1, tf.mul(3 * A, sx2)));
        const dgelu = tf.add(
          tf.mul(0.5, tf.add(1, st)),
          tf.mul(tf.mul(0.5, sx), tf.mul(tf.sub(1, tf.mul(st, st)), inner)),
        );
        return [tf.mul(dy, dgelu)];
      },
    };
  });
  return op(x) as T;
}
