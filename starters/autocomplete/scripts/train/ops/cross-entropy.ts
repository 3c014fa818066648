import * as tf from '@tensorflow/tfjs';

/**
 * Mean next-token cross-entropy in nats: logits [rows, vocab], targets int32 [rows] → scalar.
 * Fused with the softmax so the backward pass is the single expression (softmax − onehot) / rows.
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  const [rows, vocab] = logits.shape;
  const op = tf.customGrad((...args) => {
    const [ls, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const logProbs = tf.logSoftmax(ls);
    // int32 one-hot, then cast: the wasm OneHot kernel ignores a float32 dtype argument.
    const onehot = tf.cast(tf.oneHot(targets, vocab), 'float32');
    save([logProbs, onehot]);
    return {
      value: tf.div(tf.neg(tf.sum(tf.mul(onehot, logProbs))), rows) as tf.Scalar,
      gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => {
        const [lp, oh] = saved as [tf.Tensor2D, tf.Tensor2D];
        return [tf.mul(tf.sub(tf.exp(lp), oh), tf.div(dy, rows))];
      },
    };
  });
  return op(logits) as tf.Scalar;
}
