import type { CatalogueItem } from '../data/types.js';
import { explain } from './explain.js';
import { foldIn } from './fold-in.js';
import type { ItemScorer } from './item-scorer.js';
import { unitItemVectors } from './item-similarity.js';
import type { RecommenderModel } from './model.js';
import { popularItems } from './popular-items.js';
import { clipToScale } from './score-items.js';
import { validateRatings } from './validate-ratings.js';

/** A loaded model plus the lookups every request needs, computed once. */
export interface Recommender {
  model: RecommenderModel;
  /** item id → item index */
  itemIndex: ReadonlyMap<string, number>;
  /** [nItems, factors] unit-length item vectors for cosine similarity. */
  unit: Float32Array;
}

/** Prepares a model for serving (a few ms: unit vectors and the id lookup). */
export function createRecommender(model: RecommenderModel): Recommender {
  return {
    model,
    itemIndex: new Map(model.items.map((item, i) => [item.id, i])),
    unit: unitItemVectors(model),
  };
}

/** One recommended movie. */
export interface Recommendation {
  item: CatalogueItem;
  /** Predicted stars on the model's scale, or the Bayesian average for popular picks. */
  predictedRating: number;
  /** "Because you liked …"; null for popular picks and when no liked movie is similar. */
  because: { item: CatalogueItem; similarity: number } | null;
}

export interface RecommendResult {
  recommendations: Recommendation[];
  /** "personal": folded in from the ratings; "popular": no usable ratings were given. */
  strategy: 'personal' | 'popular';
  /** Item ids in the request that the catalogue does not have (left out, not an error). */
  unknownItemIds: string[];
}

/**
 * Ratings in, top-k movies out, in four steps: validate → fold the user in → score every item
 * (the model call) → take the best unrated ones and explain each.
 *
 * @example
 * // bundled model: loved Alien, disliked Notting Hill, and an id the catalogue lacks
 * await recommend(rec, scorer, [{ itemId: 'alien-1979', rating: 5 },
 *   { itemId: 'notting-hill-1999', rating: 2 }, { itemId: 'nope', rating: 4 }], 3)
 * // → { strategy: 'personal', unknownItemIds: ['nope'], recommendations: [
 * //      { item: { id: 'the-godfather-1972', title: 'The Godfather', … }, predictedRating: 4.31,
 * //        because: { item: { id: 'alien-1979', title: 'Alien', … }, similarity: 0.57 } },
 * //      { item: { id: 'the-shawshank-redemption-1994', … }, predictedRating: 4.05, because: { … } },
 * //      { item: { id: 'the-dark-knight-2008', … }, predictedRating: 3.87, because: null } ] }
 */
export async function recommend(
  rec: Recommender,
  scorer: ItemScorer,
  ratingsInput: unknown,
  k = 10,
  exclude: readonly string[] = [],
): Promise<RecommendResult> {
  const { model } = rec;
  const { ratings, unknownItemIds } = validateRatings(model, rec.itemIndex, ratingsInput);
  // Items the user asked to leave out (already seen, not interested); unknown ids match nothing.
  const excluded = new Set(exclude.flatMap((id) => rec.itemIndex.get(id) ?? []));
  if (ratings.length === 0) {
    const popular = popularItems(model, k + excluded.size)
      .filter(({ item }) => !excluded.has(item))
      .slice(0, k);
    return {
      strategy: 'popular',
      unknownItemIds,
      recommendations: popular.map(({ item, score }) => ({
        item: model.items[item]!,
        predictedRating: score,
        because: null,
      })),
    };
  }
  const user = foldIn(model, ratings);
  const rated = new Set([...ratings.map((r) => r.item), ...excluded]);
  // Ask for one more per rated or excluded item, so k others remain after filtering.
  const ask = Math.min(model.items.length, k + rated.size);
  const { scores, topIndices } = await scorer.score(
    user.vector,
    Float32Array.of(user.bias),
    model.factors,
    ask,
  );
  const top = Array.from(topIndices)
    .filter((i) => !rated.has(i))
    .slice(0, k);
  const reasons = explain(model, rec.unit, top, ratings);
  return {
    strategy: 'personal',
    unknownItemIds,
    recommendations: top.map((i, n) => {
      const reason = reasons[n];
      return {
        item: model.items[i]!,
        predictedRating: clipToScale(model, scores[i]!),
        because: reason
          ? { item: model.items[reason.likedItem]!, similarity: reason.similarity }
          : null,
      };
    }),
  };
}
