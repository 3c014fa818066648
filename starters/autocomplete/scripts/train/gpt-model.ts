import * as tf from '@tensorflow/tfjs';
import type { GptConfig } from './gpt-config.js';
import { causalAttention } from './ops/attention.js';
import { softmaxCrossEntropy } from './ops/cross-entropy.js';
import { embed } from './ops/embedding.js';
import { gelu } from './ops/gelu.js';
import { layerNorm } from './ops/layer-norm.js';
import { linear, matMulTransposed } from './ops/linear.js';

/** Parameter tensors by name (see `parameterShapes`). */
export type GptTensors = Record<string, tf.Tensor>;

/**
 * The training-time GPT-2 forward pass in tfjs: ids int32 [batch·seqLen] (row-major
 * [batch, seqLen], positions 0..seqLen−1) → logits [batch·seqLen, vocab].
 */
export function gptLogits(
  c: GptConfig,
  p: GptTensors,
  ids: tf.Tensor1D,
  batch: number,
  seqLen: number,
): tf.Tensor2D {
  if (seqLen > c.nPositions)
    throw new RangeError(`sequence of ${seqLen} exceeds the context of ${c.nPositions}`);
  const w = (name: string) => {
    const t = p[name];
    if (!t) throw new Error(`missing parameter ${name}`);
    return t;
  };
  const w1 = (name: string) => w(name) as tf.Tensor1D;
  const w2 = (name: string) => w(name) as tf.Tensor2D;
  const positions = tf.tile(tf.range(0, seqLen, 1, 'int32'), [batch]) as tf.Tensor1D;
  let x = embed(w2('wte'), w2('wpe'), ids, positions);
  for (let i = 0; i < c.nLayer; i++) {
    const h = `h.${i}`;
    // Pre-LayerNorm block: x + attn(ln_1(x)), then x + mlp(ln_2(x)).
    const a = layerNorm(x, w1(`${h}.ln_1.weight`), w1(`${h}.ln_1.bias`), c.layerNormEpsilon);
    const qkv = linear(a, w2(`${h}.attn.c_attn.weight`), w1(`${h}.attn.c_attn.bias`));
    const attn = causalAttention(qkv, batch, seqLen, c.nHead);
    x = tf.add(x, linear(attn, w2(`${h}.attn.c_proj.weight`), w1(`${h}.attn.c_proj.bias`)));
    const m = layerNorm(x, w1(`${h}.ln_2.weight`), w1(`${h}.ln_2.bias`), c.layerNormEpsilon);
    const hidden = gelu(linear(m, w2(`${h}.mlp.c_fc.weight`), w1(`${h}.mlp.c_fc.bias`)));
    x = tf.add(x, linear(hidden, w2(`${h}.mlp.c_proj.weight`), w1(`${h}.mlp.c_proj.bias`)));
  }
  const final = layerNorm(x, w1('ln_f.weight'), w1('ln_f.bias'), c.layerNormEpsilon);
  return matMulTransposed(final, w2('wte')); // tied LM head: logits = h · wteᵀ
}

/** Mean next-token cross-entropy (nats) of targets int32 [batch·seqLen] under {@link gptLogits}. */
export function gptLoss(
  c: GptConfig,
  p: GptTensors,
  ids: tf.Tensor1D,
  targets: tf.Tensor1D,
  batch: number,
  seqLen: number,
): tf.Scalar {
  return softmaxCrossEntropy(gptLogits(c, p, ids, batch, seqLen), targets);
}
