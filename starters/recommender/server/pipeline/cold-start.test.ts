import { describe, expect, it } from 'vitest';
import { smallTrainedModel } from './__tests__/small-model.js';
import { foldIn } from './fold-in.js';
import { typescriptScorer } from './item-scorer.js';
import type { RecommenderModel } from './model.js';
import { createRecommender, recommend } from './recommender.js';
import { topK } from './top-k.js';

/** Genres of the small synthetic world whose movies share a taste direction (feature vectors). */
const GENRES = ['Horror', "Children's", 'Western', 'Documentary', 'Sci-Fi'];

describe('cold start: three 5-star ratings in one genre', () => {
  const { model, truth, data } = smallTrainedModel();
  const inGenre = (genre: string) => (i: number) => model.items[i]!.genres.includes(genre);
  const rank = truth.itemVectors.length / data.items.length;
  /**
   * How close item i is to a genre in the hidden taste space the data was generated from: its
   * true vector's dot product with the genre's mean true vector (what fans of the genre like).
   */
  const closeness = (genre: string) => {
    const members = Array.from(model.items.keys()).filter(inGenre(genre));
    const centre = new Float64Array(rank);
    for (const i of members)
      for (let d = 0; d < rank; d++)
        centre[d] = centre[d]! + truth.itemVectors[i * rank + d]! / members.length;
    return (items: number[]) =>
      items.reduce((sum, i) => {
        for (let d = 0; d < rank; d++) sum += truth.itemVectors[i * rank + d]! * centre[d]!;
        return sum;
      }, 0) / items.length;
  };
  const rec = createRecommender(model);
  const scorer = typescriptScorer(model);
  /** The genre's three most-rated movies: what a visitor would find and rate first. */
  const threeOf = (genre: string) =>
    Array.from(model.items.keys())
      .filter(inGenre(genre))
      .sort((a, b) => model.ratingCount[b]! - model.ratingCount[a]!)
      .slice(0, 3);
  const top10 = async (m: RecommenderModel, given: number[]) => {
    const ratings = given.map((i) => ({ itemId: m.items[i]!.id, rating: 5 }));
    const result = await recommend(createRecommender(m), typescriptScorer(m), ratings, 10);
    return result.recommendations.map((r) => rec.itemIndex.get(r.item.id)!);
  };

  it('moves the top 10 towards that genre, compared with the most popular movies', async () => {
    // Summed over genres: the lists move by a fraction of a star of taste, and the popularity
    // term still decides much of each list (see the model card's new-user numbers).
    let personal = 0;
    let popular = 0;
    for (const genre of GENRES) {
      const given = threeOf(genre);
      const near = closeness(genre);
      personal += near(await top10(model, given));
      popular += near(topK(model.ratingCount, 10, new Set(given)));
    }
    expect(personal).toBeGreaterThan(popular);
  });

  it('reads equal ratings as taste rather than generosity (the bias has its own prior)', async () => {
    const shared: RecommenderModel = {
      ...model,
      hyperparameters: {
        ...model.hyperparameters,
        foldInBiasPrior: model.hyperparameters.foldInPrior,
      },
    };
    let own = 0;
    let sharedPrior = 0;
    for (const genre of GENRES) {
      const given = threeOf(genre);
      const ratings = given.map((item) => ({ item, value: 5 }));
      expect(Math.abs(foldIn(model, ratings).bias)).toBeLessThan(
        Math.abs(foldIn(shared, ratings).bias),
      );
      const near = closeness(genre);
      own += near(await top10(model, given));
      sharedPrior += near(await top10(shared, given));
    }
    expect(own).toBeGreaterThan(sharedPrior);
  });

  it('still recommends well-known movies: the popularity term is kept', async () => {
    const top = (await recommend(rec, scorer, [{ itemId: model.items[0]!.id, rating: 5 }], 10))
      .recommendations;
    const median = [...model.ratingCount].sort((a, b) => a - b)[model.ratingCount.length >> 1]!;
    const known = top.filter((r) => model.ratingCount[rec.itemIndex.get(r.item.id)!]! > median);
    expect(known.length).toBeGreaterThanOrEqual(7);
  });
});
