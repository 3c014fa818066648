import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GptConfig } from './gpt-config.js';
import { gptLoss } from './gpt-model.js';
import { stockGptLoss } from './stock-gpt-model.js';
import { useWasmBackend } from './tf-backend.js';
import { toTensors } from './weight-tensors.js';
import { initWeights } from './weights.js';

describe('custom-gradient GPT', () => {
  beforeAll(useWasmBackend);

  it('has the loss and gradients of the same model under plain tfjs autodiff', () => {
    const c: GptConfig = {
      vocabSize: 257,
      nPositions: 8,
      nEmbd: 16,
      nLayer: 2,
      nHead: 2,
      layerNormEpsilon: 1e-5,
    };
    const [batch, seqLen] = [3, 8];
    tf.tidy(() => {
      // Scaled-up weights so attention and GELU work away from their linear regimes.
      const weights = initWeights(c, 3).map((w) => ({
        ...w,
        data: w.data.map((x) => (w.shape.length === 1 ? x : x * 5)),
      }));
      const t = toTensors(weights);
      const list = weights.map((w) => t[w.name]!);
      const ids = tf.tensor1d(
        Array.from({ length: batch * seqLen }, (_, i) => (i * 37) % 257),
        'int32',
      );
      const targets = tf.tensor1d(
        Array.from({ length: batch * seqLen }, (_, i) => (i * 11 + 5) % 257),
        'int32',
      );
      const custom = tf.valueAndGrads(() => gptLoss(c, t, ids, targets, batch, seqLen))(list);
      const stock = tf.valueAndGrads(() => stockGptLoss(c, t, ids, targets, batch, seqLen))(list);
      expect(custom.value.dataSync()[0]).toBeCloseTo(stock.value.dataSync()[0]!, 4);
      custom.grads.forEach((g, i) => {
        const diff = tf.max(tf.abs(tf.sub(g, stock.grads[i]!))).dataSync()[0]!;
        const scale = tf.max(tf.abs(stock.grads[i]!)).dataSync()[0]!;
        expect(scale, weights[i]!.name).toBeGreaterThan(0);
        expect(diff / scale, weights[i]!.name).toBeLessThan(1e-3);
      });
    });
  });
});
