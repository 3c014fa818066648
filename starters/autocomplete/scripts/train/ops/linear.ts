import * as tf from '@tensorflow/tfjs';
import { columnSum } from './column-sum.js';

/*
 * Why hand-written gradients: tfjs autodiff differentiates `matMul(x, w)` into matMuls with
 * transpose flags, which the wasm backend runs far slower than a plain 2-D matMul. Here every
 * backward step is an explicit transpose followed by a plain 2-D matMul.
 */

/** `x @ w + b`: x [rows, in], w [in, out], b [out] → [rows, out]. */
export function linear(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  const op = tf.customGrad((...args) => {
    const [xs, ws, bs, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    save([xs, ws]);
    return {
      value: tf.add(tf.matMul(xs, ws), bs) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as [tf.Tensor2D, tf.Tensor2D];
        return [tf.matMul(dy, tf.transpose(sw)), tf.matMul(tf.transpose(sx), dy), columnSum(dy)];
      },
    };
  });
  return op(x, w, b) as tf.Tensor2D;
}

/** `x @ wᵀ` (the tied LM head): x [rows, d], w [vocab, d] → [rows, vocab]. */
export function matMulTransposed(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  const op = tf.customGrad((...args) => {
    const [xs, ws, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    save([xs, ws]);
    return {
      value: tf.matMul(xs, tf.transpose(ws)) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as [tf.Tensor2D, tf.Tensor2D];
        return [tf.matMul(dy, sw), tf.matMul(tf.transpose(dy), sx)];
      },
    };
  });
  return op(x, w) as tf.Tensor2D;
}
