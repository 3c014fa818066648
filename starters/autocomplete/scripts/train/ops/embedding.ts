import * as tf from '@tensorflow/tfjs';

/**
 * Token + position embeddings: `wte[ids] + wpe[positions]` → [rows, d].
 * ids, positions: int32 [rows]; wte [vocab, d]; wpe [nPositions, d].
 * The backward pass scatters (and sums) each row's gradient back into the table, because the
 * wasm backend has no gradient kernel for gather.
 */
export function embed(
  wte: tf.Tensor2D,
  wpe: tf.Tensor2D,
  ids: tf.Tensor1D,
  positions: tf.Tensor1D,
): tf.Tensor2D {
  const op = tf.customGrad((...args) => {
    const [te, pe, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    // Saved so the index tensors outlive the forward pass's scope.
    save([tf.reshape(ids, [-1, 1]), tf.reshape(positions, [-1, 1])]);
    return {
      value: tf.add(tf.gather(te, ids), tf.gather(pe, positions)) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => [
        tf.scatterND(saved[0]!, dy, te.shape),
        tf.scatterND(saved[1]!, dy, pe.shape),
      ],
    };
  });
  return op(wte, wpe) as tf.Tensor2D;
}
