import type { UserRating } from './fold-in.js';
import { cosine } from './item-similarity.js';
import type { RecommenderModel } from './model.js';

/** "Because you liked X": the movie you rated highly whose vector is closest to the recommendation. */
export interface Explanation {
  /** Item index of the liked movie. */
  likedItem: number;
  /** Cosine similarity of the two item vectors, −1..1. */
  similarity: number;
}

/**
 * For each recommended item, the liked item most similar to it (cosine of item vectors).
 * "Liked" means rated at least one step below the top of the scale (4+ of 5); when the user
 * liked nothing that much, their highest-rated items stand in. Null when nothing was rated, or
 * when even the closest liked item is barely similar (cosine < `minSimilarity`): a far-fetched
 * reason is worse than none.
 */
export function explain(
  model: RecommenderModel,
  unit: Float32Array,
  recommended: number[],
  ratings: UserRating[],
  minSimilarity = 0.1,
): (Explanation | null)[] {
  const best = Math.max(...ratings.map((r) => r.value));
  const threshold = Math.min(best, model.scale.max - 1);
  const liked = [...new Set(ratings.filter((r) => r.value >= threshold).map((r) => r.item))];
  return recommended.map((item) => {
    let top: Explanation | null = null;
    for (const likedItem of liked) {
      const similarity = cosine(unit, model.factors, item, likedItem);
      if (!top || similarity > top.similarity) top = { likedItem, similarity };
    }
    return top && top.similarity >= minSimilarity ? top : null;
  });
}
