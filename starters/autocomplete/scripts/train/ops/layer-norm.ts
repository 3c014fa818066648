import * as tf from '@tensorflow/tfjs';
import { columnSum } from './column-sum.js';

/** LayerNorm over the last axis: x [rows, d], gain/bias [d] → [rows, d]. */
export function layerNorm(
  x: tf.Tensor2D,
  gain: tf.Tensor1D,
  bias: tf.Tensor1D,
  epsilon: number,
): tf.Tensor2D {
  const op = tf.customGrad((...args) => {
    const [xs, g, b, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const centered = tf.sub(xs, tf.mean(xs, -1, true));
    const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centered), -1, true), epsilon));
    const xhat = tf.mul(centered, rstd);
    save([xhat, rstd, g]);
    return {
      value: tf.add(tf.mul(xhat, g), b) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => {
        const [sxhat, srstd, sg] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
        const dxhat = tf.mul(dy, sg);
        // dx = rstd · (dxhat − mean(dxhat) − xhat · mean(dxhat · xhat))
        const dx = tf.mul(
          srstd,
          tf.sub(
            tf.sub(dxhat, tf.mean(dxhat, -1, true)),
            tf.mul(sxhat, tf.mean(tf.mul(dxhat, sxhat), -1, true)),
          ),
        );
        return [dx, columnSum(tf.mul(dy, sxhat)), columnSum(dy)];
      },
    };
  });
  return op(x, gain, bias) as tf.Tensor2D;
}
