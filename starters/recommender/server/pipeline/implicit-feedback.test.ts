import { describe, expect, it } from 'vitest';
import { smallTrainedModel } from './__tests__/small-model.js';
import { foldIn, type UserRating } from './fold-in.js';
import { implicitPart } from './implicit-feedback.js';
import type { RecommenderModel } from './model.js';
import { exportScoringModel } from './onnx-export.js';
import { createOrtScorer } from './ort-scorer.js';
import { scoreItems } from './score-items.js';

describe('SVD++ implicit feedback, from training to fold-in to ONNX', () => {
  const { data, model, trained } = smallTrainedModel();
  const k = model.factors;
  const y = model.implicitVectors!;
  /** The busiest user: many more ratings than unknowns, so fold-in's solve is well posed. */
  const counts = new Int32Array(data.users.length);
  for (const u of data.ratings.user) counts[u] = counts[u]! + 1;
  const u = counts.indexOf(Math.max(...counts));
  const items = Array.from(data.ratings.item).filter((_, r) => data.ratings.user[r] === u);
  const trainedUser = {
    vector: trained.userVectors.subarray(u * k, (u + 1) * k),
    bias: trained.userBias[u]!,
  };

  it('is trained: the implicit vectors are not zero', () => {
    expect(model.hyperparameters.implicitFeedback).toBe(true);
    expect(Math.max(...Array.from(y, Math.abs))).toBeGreaterThan(0.01);
  });

  it("fold-in recovers a trained user's vector from the stars the model predicts for them", () => {
    // Without penalties, ratings the model itself predicts pin down p_u and b_u exactly; fold-in
    // must then add back the same implicit part training used (forgetting it, or counting it
    // twice, lands elsewhere).
    const unpenalised: RecommenderModel = {
      ...model,
      hyperparameters: {
        ...model.hyperparameters,
        regFactors: 0,
        regBias: 0,
        foldInPrior: 1e-9,
        foldInBiasPrior: 1e-9,
      },
    };
    const predicted = scoreItems(model, trainedUser);
    const ratings: UserRating[] = items.map((item) => ({ item, value: predicted[item]! }));
    const folded = foldIn(unpenalised, ratings);
    for (let d = 0; d < k; d++) expect(folded.vector[d]).toBeCloseTo(trainedUser.vector[d]!, 3);
    expect(folded.bias).toBeCloseTo(trainedUser.bias, 3);
  });

  it('a new user with one rating starts from what having rated that movie implies', () => {
    // A prior this strong leaves p_u ≈ 0: what is left is |N(u)|^-½ Σ y_j, here y_j itself.
    const stiff = {
      ...model,
      hyperparameters: { ...model.hyperparameters, foldInPrior: 1e9 },
    };
    const folded = foldIn(stiff, [{ item: items[0]!, value: 5 }]);
    const expected = implicitPart(y, k, [items[0]!]);
    for (let d = 0; d < k; d++) expect(folded.vector[d]).toBeCloseTo(expected[d]!, 5);
    expect(Array.from(expected).some((x) => Math.abs(x) > 1e-3)).toBe(true);
  });

  it('ONNX Runtime scores the folded-in user as TypeScript scores the trained one', async () => {
    const folded = foldIn(
      model,
      items.map((item) => ({ item, value: 4 })),
    );
    const ort = await createOrtScorer(exportScoringModel(model));
    const users = Float32Array.of(...folded.vector, ...trainedUser.vector);
    const got = await ort.score(users, Float32Array.of(folded.bias, trainedUser.bias), k, 5);
    await ort.close();
    const n = model.items.length;
    const want = [scoreItems(model, folded), scoreItems(model, trainedUser)];
    for (let b = 0; b < 2; b++)
      for (let i = 0; i < n; i += 7) expect(got.scores[b * n + i]).toBeCloseTo(want[b]![i]!, 4);
  });
});
