import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrtGpt } from '../eval/ort-gpt.js';
import { byteTokenizer } from '../train/byte-tokenizer.js';
import { TINY_GPT } from '../train/gpt-config.js';
import { gptLogits } from '../train/gpt-model.js';
import { useWasmBackend } from '../train/tf-backend.js';
import { toTensors } from '../train/weight-tensors.js';
import { countParameters } from '../train/weights.js';
import { readModelFolder } from './model-folder.js';

const dir = fileURLToPath(new URL('../../models/tiny-gpt', import.meta.url));

describe('the bundled model', () => {
  beforeAll(useWasmBackend);

  it('has the documented shape and runs the same in onnxruntime as in tfjs', async () => {
    const { config, weights } = await readModelFolder(dir);
    expect(config).toEqual(TINY_GPT);
    expect(countParameters(weights)).toBe(842_624);
    const ids = byteTokenizer.encode(
      'It is a way I have of driving off the spleen, and regulating the circulation.',
    );
    const expected = tf.tidy(() =>
      gptLogits(config, toTensors(weights), tf.tensor1d(ids, 'int32'), 1, ids.length).dataSync(),
    );

    const model = await loadOrtGpt(dir);
    const full = await model.run({
      inputIds: [ids],
      attentionMask: [ids.map(() => 1)],
      positionIds: [ids.map((_, i) => i)],
    });
    const V = config.vocabSize;
    const got = full.logits.data as Float32Array;
    let diff = 0;
    for (let i = 0; i < got.length; i++) diff = Math.max(diff, Math.abs(got[i]! - expected[i]!));
    expect(diff).toBeLessThan(1e-4);

    // Last logits again, one token at a time through the KV cache.
    const n = ids.length;
    const prefix = await model.run({
      inputIds: [ids.slice(0, n - 1)],
      attentionMask: [ids.slice(0, n - 1).map(() => 1)],
      positionIds: [[...Array(n - 1).keys()]],
    });
    const last = await model.run({
      inputIds: [[ids[n - 1]!]],
      attentionMask: [ids.map(() => 1)],
      positionIds: [[n - 1]],
      past: prefix.present,
    });
    const lastData = last.logits.data as Float32Array;
    let lastDiff = 0;
    for (let t = 0; t < V; t++)
      lastDiff = Math.max(lastDiff, Math.abs(lastData[t]! - expected[(n - 1) * V + t]!));
    expect(lastDiff).toBeLessThan(1e-4);
  });
});
