import { describe, expect, it } from 'vitest';
import { randomModel } from './__tests__/random-model.js';
import { smallTrainedModel } from './__tests__/small-model.js';
import { InvalidRatingError, TooManyRatingsError } from './errors.js';
import { typescriptScorer } from './item-scorer.js';
import { exportScoringModel } from './onnx-export.js';
import { createOrtScorer } from './ort-scorer.js';
import { createRecommender, recommend } from './recommender.js';

describe('recommend', () => {
  const { model } = smallTrainedModel();
  const rec = createRecommender(model);
  const scorer = typescriptScorer(model);
  const id = (i: number) => model.items[i]!.id;

  it('recommends unrated items with predicted stars and a "because you liked" from the rated ones', async () => {
    const ratings = [
      { itemId: id(0), rating: 5 },
      { itemId: id(1), rating: 4 },
      { itemId: id(2), rating: 1 },
    ];
    const result = await recommend(rec, scorer, ratings, 5);
    expect(result.strategy).toBe('personal');
    expect(result.recommendations).toHaveLength(5);
    for (const r of result.recommendations) {
      expect([id(0), id(1), id(2)]).not.toContain(r.item.id);
      expect(r.predictedRating).toBeGreaterThanOrEqual(1);
      expect(r.predictedRating).toBeLessThanOrEqual(5);
      // Only the liked movies (4+) explain; the 1-star one never does.
      if (r.because) expect([id(0), id(1)]).toContain(r.because.item.id);
    }
    expect(result.recommendations.some((r) => r.because !== null)).toBe(true);
  });

  it('gives the same recommendations through ONNX Runtime', async () => {
    const ort = await createOrtScorer(exportScoringModel(model));
    const ratings = [
      { itemId: id(5), rating: 5 },
      { itemId: id(6), rating: 2 },
    ];
    const viaOrt = await recommend(rec, ort, ratings, 10);
    await ort.close();
    const viaTs = await recommend(rec, scorer, ratings, 10);
    expect(viaOrt.recommendations.map((r) => r.item.id)).toEqual(
      viaTs.recommendations.map((r) => r.item.id),
    );
  });

  it('reports unknown item ids and recommends from the known ones', async () => {
    const result = await recommend(
      rec,
      scorer,
      [
        { itemId: 'no-such-movie', rating: 5 },
        { itemId: id(3), rating: 5 },
      ],
      3,
    );
    expect(result.unknownItemIds).toEqual(['no-such-movie']);
    expect(result.strategy).toBe('personal');
  });

  it('falls back to popular items when no usable rating is given', async () => {
    for (const ratings of [[], [{ itemId: 'unknown', rating: 4 }]]) {
      const result = await recommend(rec, scorer, ratings, 10);
      expect(result.strategy).toBe('popular');
      expect(result.recommendations).toHaveLength(10);
      for (const r of result.recommendations)
        expect(model.ratingCount[rec.itemIndex.get(r.item.id)!]).toBeGreaterThan(5);
    }
  });

  it('rejects ratings outside the model scale with a 400', async () => {
    for (const rating of [0, 5.5, -1, Number.NaN, '4' as unknown as number]) {
      const error = await recommend(rec, scorer, [{ itemId: id(0), rating }]).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidRatingError);
      expect((error as InvalidRatingError).statusCode).toBe(400);
    }
  });

  it('accepts half stars down to 0.5 on a half-star (ml-latest) model only', async () => {
    const halfStars = createRecommender(randomModel(30, 8, { min: 0.5, max: 5, step: 0.5 }));
    const ok = await recommend(
      halfStars,
      typescriptScorer(halfStars.model),
      [{ itemId: 'm1', rating: 0.5 }],
      3,
    );
    expect(ok.recommendations).toHaveLength(3);
    await expect(recommend(rec, scorer, [{ itemId: id(0), rating: 0.5 }])).rejects.toBeInstanceOf(
      InvalidRatingError,
    );
  });

  it('handles 10,000 ratings in one request, and answers 413 beyond the limit', async () => {
    const many = Array.from({ length: 10_000 }, (_, n) => ({
      itemId: id(n % model.items.length),
      rating: 1 + (n % 5),
    }));
    const result = await recommend(rec, scorer, many, 10);
    // Every item is rated: nothing is left to recommend, and that is not an error.
    expect(result.recommendations).toHaveLength(0);
    const error = await recommend(
      rec,
      scorer,
      Array.from({ length: 20_001 }, () => many[0]),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRatingsError);
    expect((error as TooManyRatingsError).statusCode).toBe(413);
  });

  it('rejects a body that is not a list of ratings', async () => {
    await expect(recommend(rec, scorer, { itemId: 'x' })).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(recommend(rec, scorer, [{ rating: 3 }])).rejects.toMatchObject({
      statusCode: 400,
    });
  });
});
