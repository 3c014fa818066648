import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../tf-backend.js';
import { causalAttention } from './attention.js';
import { softmaxCrossEntropy } from './cross-entropy.js';
import { embed } from './embedding.js';
import { gelu } from './gelu.js';
import { layerNorm } from './layer-norm.js';
import { linear, matMulTransposed } from './linear.js';

/** Asserts that a custom-gradient op and a plain-autodiff reference agree in value and gradients. */
function expectSameGrads(
  custom: (...xs: tf.Tensor[]) => tf.Tensor,
  reference: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: tf.Tensor[],
) {
  tf.tidy(() => {
    const probe = tf.randomNormal(custom(...inputs).shape, 0, 1, 'float32', 7);
    const weighted =
      (f: (...xs: tf.Tensor[]) => tf.Tensor) =>
      (...xs: tf.Tensor[]) =>
        tf.sum(tf.mul(f(...xs), probe));
    const a = tf.valueAndGrads(weighted(custom))(inputs);
    const b = tf.valueAndGrads(weighted(reference))(inputs);
    expect(a.value.dataSync()[0]).toBeCloseTo(b.value.dataSync()[0]!, 3);
    a.grads.forEach((g, i) => {
      const diff = tf.max(tf.abs(tf.sub(g, b.grads[i]!))).dataSync()[0]!;
      const scale = tf.max(tf.abs(b.grads[i]!)).dataSync()[0]!;
      expect(diff / scale, `gradient ${i}`).toBeLessThan(1e-4);
      expect(scale).toBeGreaterThan(0);
    });
  });
}

const rand = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

describe('custom-gradient ops match tfjs autodiff', () => {
  beforeAll(useWasmBackend);

  it('linear and the tied head', () => {
    expectSameGrads(
      (x, w, b) => linear(x as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D),
      (x, w, b) => tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b!),
      [rand([6, 5], 1), rand([5, 3], 2), rand([3], 3)],
    );
    expectSameGrads(
      (x, w) => matMulTransposed(x as tf.Tensor2D, w as tf.Tensor2D),
      (x, w) => tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D, false, true),
      [rand([6, 5], 4), rand([9, 5], 5)],
    );
  });

  it('embedding (repeated ids accumulate)', () => {
    const ids = tf.tensor1d([3, 1, 3, 0, 3], 'int32');
    const pos = tf.tensor1d([0, 1, 2, 0, 1], 'int32');
    expectSameGrads(
      (te, pe) => embed(te as tf.Tensor2D, pe as tf.Tensor2D, ids, pos),
      (te, pe) =>
        tf.add(
          tf.matMul(tf.cast(tf.oneHot(ids, 4), 'float32'), te as tf.Tensor2D),
          tf.matMul(tf.cast(tf.oneHot(pos, 3), 'float32'), pe as tf.Tensor2D),
        ),
      [rand([4, 6], 6), rand([3, 6], 7)],
    );
  });

  it('layer norm and gelu', () => {
    expectSameGrads(
      (x, g, b) => layerNorm(x as tf.Tensor2D, g as tf.Tensor1D, b as tf.Tensor1D, 1e-5),
      (x, g, b) => {
        const { mean, variance } = tf.moments(x!, -1, true);
        return tf.add(tf.mul(tf.div(tf.sub(x!, mean), tf.sqrt(tf.add(variance, 1e-5))), g!), b!);
      },
      [rand([5, 8], 8), rand([8], 9), rand([8], 10)],
    );
    expectSameGrads(
      (x) => gelu(x!),
      (x) =>
        tf.mul(
          tf.mul(0.5, x!),
          tf.add(
            1,
            tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(x!, tf.mul(0.044715, tf.pow(x!, 3))))),
          ),
        ),
      [tf.mul(rand([4, 7], 11), 3)],
    );
  });

  it('causal attention', () => {
    const [batch, seqLen, nHead, hs] = [2, 5, 2, 3];
    const d = nHead * hs;
    const reference = (qkv: tf.Tensor) => {
      // [B·T, 3d] → q, k, v as [B, H, T, hs], then batched matMuls with a causal mask.
      const heads = (part: number) =>
        tf.transpose(
          tf.reshape(tf.slice(qkv, [0, part * d], [batch * seqLen, d]), [batch, seqLen, nHead, hs]),
          [0, 2, 1, 3],
        );
      const scores = tf.div(tf.matMul(heads(0), heads(1), false, true), Math.sqrt(hs));
      const mask = tf.linalg.bandPart(tf.ones([seqLen, seqLen]), -1, 0);
      const p = tf.softmax(tf.add(scores, tf.mul(tf.sub(1, mask), -1e9)));
      return tf.reshape(tf.transpose(tf.matMul(p, heads(2)), [0, 2, 1, 3]), [batch * seqLen, d]);
    };
    expectSameGrads(
      (qkv) => causalAttention(qkv as tf.Tensor2D, batch, seqLen, nHead),
      (qkv) => reference(qkv!),
      [rand([batch * seqLen, 3 * d], 12)],
    );
  });

  it('softmax cross-entropy', () => {
    const targets = tf.tensor1d([2, 0, 4], 'int32');
    expectSameGrads(
      (l) => softmaxCrossEntropy(l as tf.Tensor2D, targets),
      (l) => tf.losses.softmaxCrossEntropy(tf.oneHot(targets, 5), l!),
      [rand([3, 5], 13)],
    );
  });
});
