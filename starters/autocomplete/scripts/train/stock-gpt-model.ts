import * as tf from '@tensorflow/tfjs';
import type { GptConfig } from './gpt-config.js';
import type { GptTensors } from './gpt-model.js';

/**
 * The same GPT-2 loss written with plain tfjs ops and left to tfjs autodiff — the baseline the
 * custom-gradient model is measured against (`scripts/bench-training.ts`). Embedding lookups are
 * one-hot matMuls because the wasm backend has no gradient kernel for gather.
 */
export function stockGptLoss(
  c: GptConfig,
  p: GptTensors,
  ids: tf.Tensor1D,
  targets: tf.Tensor1D,
  batch: number,
  seqLen: number,
): tf.Scalar {
  const w = (name: string) => p[name]!;
  const d = c.nEmbd;
  const hs = d / c.nHead;
  const ln = (x: tf.Tensor, prefix: string) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(
      tf.mul(
        tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, c.layerNormEpsilon))),
        w(`${prefix}.weight`),
      ),
      w(`${prefix}.bias`),
    );
  };
  const dense = (x: tf.Tensor, prefix: string) =>
    tf.add(tf.matMul(x as tf.Tensor2D, w(`${prefix}.weight`) as tf.Tensor2D), w(`${prefix}.bias`));
  const positions = tf.tile(tf.range(0, seqLen, 1, 'int32'), [batch]);
  const onehot = (t: tf.Tensor, n: number) =>
    tf.cast(tf.oneHot(t as tf.Tensor1D, n), 'float32') as tf.Tensor2D;
  let x: tf.Tensor = tf.add(
    tf.matMul(onehot(ids, c.vocabSize), w('wte') as tf.Tensor2D),
    tf.matMul(onehot(positions, c.nPositions), w('wpe') as tf.Tensor2D),
  );
  const mask = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([seqLen, seqLen]), -1, 0)), -1e9);
  const heads = (t: tf.Tensor) =>
    tf.transpose(tf.reshape(t, [batch, seqLen, c.nHead, hs]), [0, 2, 1, 3]);
  for (let i = 0; i < c.nLayer; i++) {
    const h = `h.${i}`;
    const [q, k, v] = tf.split(dense(ln(x, `${h}.ln_1`), `${h}.attn.c_attn`), 3, 1);
    const scores = tf.add(
      tf.div(tf.matMul(heads(q!), heads(k!), false, true), Math.sqrt(hs)),
      mask,
    );
    const att = tf.reshape(tf.transpose(tf.matMul(tf.softmax(scores), heads(v!)), [0, 2, 1, 3]), [
      batch * seqLen,
      d,
    ]);
    x = tf.add(x, dense(att, `${h}.attn.c_proj`));
    const f = dense(ln(x, `${h}.ln_2`), `${h}.mlp.c_fc`);
    const g = tf.mul(
      tf.mul(0.5, f),
      tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(f, tf.mul(0.044715, tf.pow(f, 3)))))),
    );
    x = tf.add(x, dense(g, `${h}.mlp.c_proj`));
  }
  const logits = tf.matMul(ln(x, 'ln_f') as tf.Tensor2D, w('wte') as tf.Tensor2D, false, true);
  return tf.losses.softmaxCrossEntropy(onehot(targets, c.vocabSize), logits) as tf.Scalar;
}
