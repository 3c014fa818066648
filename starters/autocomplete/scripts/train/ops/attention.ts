import * as tf from '@tensorflow/tfjs';

const masks = new Map<number, tf.Tensor2D>();

/** [T, T] additive causal mask: 0 where key ≤ query, −1e9 above the diagonal. Cached per T. */
function causalMask(seqLen: number): tf.Tensor2D {
  let mask = masks.get(seqLen);
  if (!mask) {
    const data = new Float32Array(seqLen * seqLen);
    for (let i = 0; i < seqLen; i++)
      for (let j = i + 1; j < seqLen; j++) data[i * seqLen + j] = -1e9;
    mask = tf.keep(tf.tensor2d(data, [seqLen, seqLen]));
    masks.set(seqLen, mask);
  }
  return mask;
}

/** [batch·T, width] → [batch·width, T]: each sequence's columns become contiguous rows. */
function toColumns(x: tf.Tensor2D, batch: number, seqLen: number): tf.Tensor2D {
  const width = x.shape[1];
  return tf.reshape(tf.transpose(tf.reshape(x, [batch, seqLen, width]), [0, 2, 1]), [
    batch * width,
    seqLen,
  ]);
}

/**
 * Splits [rows, T] into row blocks of `blockRows` rows each. Reads the data once: the wasm Slice
 * kernel copies its whole input on every call, which would make hundreds of small slices slow.
 */
function rowBlocks(x: tf.Tensor2D, blockRows: number): tf.Tensor2D[] {
  const [rows, cols] = x.shape;
  const data = x.dataSync() as Float32Array;
  const blocks: tf.Tensor2D[] = [];
  for (let r = 0; r < rows; r += blockRows) {
    blocks.push(tf.tensor2d(data.subarray(r * cols, (r + blockRows) * cols), [blockRows, cols]));
  }
  return blocks;
}

/** Inverse of {@link toColumns}: [batch·width, T] → [batch·T, width]. */
function fromColumns(xt: tf.Tensor2D, batch: number, seqLen: number): tf.Tensor2D {
  const width = xt.shape[0] / batch;
  return tf.reshape(tf.transpose(tf.reshape(xt, [batch, width, seqLen]), [0, 2, 1]), [
    batch * seqLen,
    width,
  ]);
}

/**
 * Causal multi-head self-attention core: qkv [batch·T, 3d] (queries | keys | values, heads side by
 * side in each) → [batch·T, d].
 *
 * Why it looks like this: on tfjs's wasm backend, batched matMuls and strided slices are slow, while
 * 2-D matMuls are fast. So the input is transposed once and cut into one [headSize, T] block of
 * qᵀ, kᵀ or vᵀ per (sequence, head), and each head runs as a few 2-D matMuls, forward and (hand-written) backward.
 */
export function causalAttention(
  qkv: tf.Tensor2D,
  batch: number,
  seqLen: number,
  nHead: number,
): tf.Tensor2D {
  const d = qkv.shape[1] / 3;
  const hs = d / nHead;
  const scale = 1 / Math.sqrt(hs);
  const mask = causalMask(seqLen);
  // Block of (sequence b, part 0|1|2 = q|k|v, head h) among the [hs, T] blocks of the transposed input.
  const at = (blocks: tf.Tensor2D[], b: number, part: number, h: number) =>
    blocks[(b * 3 + part) * nHead + h]!;

  const op = tf.customGrad((...args) => {
    const [x, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const xt = rowBlocks(toColumns(x, batch, seqLen), hs);
    const probs: tf.Tensor2D[] = [];
    const outT: tf.Tensor2D[] = [];
    for (let b = 0; b < batch; b++) {
      for (let h = 0; h < nHead; h++) {
        // scores = q kᵀ / √hs + mask: [T, T]; row i holds query i's affinity to every key.
        const scores = tf.add(
          tf.mul(tf.matMul(tf.transpose(at(xt, b, 0, h)), at(xt, b, 1, h)), scale),
          mask,
        );
        const p = tf.softmax(scores) as tf.Tensor2D;
        probs.push(p);
        outT.push(tf.matMul(at(xt, b, 2, h), tf.transpose(p))); // outᵀ = vᵀ pᵀ: [hs, T]
      }
    }
    save([...xt, ...probs]);
    return {
      value: fromColumns(tf.concat(outT, 0), batch, seqLen),
      gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => {
        const sxt = saved.slice(0, batch * 3 * nHead) as tf.Tensor2D[];
        const ps = saved.slice(batch * 3 * nHead) as tf.Tensor2D[];
        const dyT = rowBlocks(toColumns(dy, batch, seqLen), hs);
        const grads: tf.Tensor2D[] = [];
        for (let b = 0; b < batch; b++) {
          const dq: tf.Tensor2D[] = [];
          const dk: tf.Tensor2D[] = [];
          const dv: tf.Tensor2D[] = [];
          for (let h = 0; h < nHead; h++) {
            const p = ps[b * nHead + h]!;
            const dOutT = dyT[b * nHead + h]!;
            dv.push(tf.matMul(dOutT, p)); // dvᵀ = dOutᵀ p
            const dP = tf.matMul(tf.transpose(dOutT), at(sxt, b, 2, h));
            // softmax backward: dS = p ⊙ (dP − rowsum(dP ⊙ p)), times the 1/√hs scale
            const dS = tf.mul(
              tf.mul(p, tf.sub(dP, tf.sum(tf.mul(dP, p), -1, true))),
              scale,
            ) as tf.Tensor2D;
            dq.push(tf.matMul(at(sxt, b, 1, h), tf.transpose(dS))); // dqᵀ = kᵀ dSᵀ
            dk.push(tf.matMul(at(sxt, b, 0, h), dS)); // dkᵀ = qᵀ dS
          }
          grads.push(...dq, ...dk, ...dv);
        }
        return [fromColumns(tf.concat(grads, 0), batch, seqLen)];
      },
    };
  });
  return op(qkv) as tf.Tensor2D;
}
