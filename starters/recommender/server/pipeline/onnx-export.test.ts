import { describe, expect, it } from 'vitest';
import { createRandom } from '@shipml/random';
import { randomModel } from './__tests__/random-model.js';
import { typescriptScorer } from './item-scorer.js';
import { exportScoringModel } from './onnx-export.js';
import { createOrtScorer } from './ort-scorer.js';

describe('exportScoringModel', () => {
  it('scores every item in ONNX Runtime exactly as TypeScript does, for a batch of users', async () => {
    const model = randomModel(57, 12);
    const ort = await createOrtScorer(exportScoringModel(model));
    const random = createRandom(5);
    const batch = 3;
    const users = Float32Array.from({ length: batch * 12 }, () => random.normal());
    const biases = Float32Array.from({ length: batch }, () => random.normal());
    const got = await ort.score(users, biases, 12, 7);
    const want = await typescriptScorer(model).score(users, biases, 12, 7);
    await ort.close();
    expect(got.scores).toHaveLength(batch * 57);
    for (let n = 0; n < want.scores.length; n++)
      expect(got.scores[n]).toBeCloseTo(want.scores[n]!, 4);
    expect(Array.from(got.topIndices)).toEqual(Array.from(want.topIndices));
  });

  it('ranks by predicted stars plus the popularity bonus', async () => {
    const model = randomModel(10, 4);
    model.itemVectors.fill(0);
    model.itemBias.fill(0);
    model.ratingCount.set([0, 0, 0, 0, 0, 0, 0, 0, 0, 100]);
    model.itemBias[3] = 1; // best predicted stars, but unknown to everybody
    const ort = await createOrtScorer(exportScoringModel(model));
    const { topIndices } = await ort.score(new Float32Array(4), new Float32Array(1), 4, 2);
    await ort.close();
    // ln(101) ≈ 4.6 stars of bonus outweighs one star of bias.
    expect(Array.from(topIndices)).toEqual([9, 3]);
  });
});
