import type { ItemScorer } from './item-scorer.js';
import { movieSummary, round, type MovieSummary } from './movie-summary.js';
import { recommend, type Recommender } from './recommender.js';

/** What a client sends: its ratings, how many movies it wants, and ids to leave out. */
export interface RecommendationRequest {
  ratings: { itemId: string; rating: number }[];
  k?: number;
  exclude?: string[];
}

/** One recommended movie, with its predicted stars and why. */
export type RecommendedMovie = MovieSummary & {
  /** Predicted stars for this user (the Bayesian average rating for popular picks). */
  score: number;
  /** "Because you liked Alien", or null when no liked movie is close enough to say so. */
  explanation: string | null;
  /** The liked movie behind the explanation. */
  because: { id: string; title: string; similarity: number } | null;
};

export interface RecommendationAnswer {
  /** `personal` (folded in from the ratings) or `popular` (no ratings of known movies). */
  strategy: 'personal' | 'popular';
  items: RecommendedMovie[];
  /** Rated ids the catalogue does not have: left out, not an error. */
  unknownItemIds: string[];
}

/**
 * Ratings in, ranked movies out: pre-process (check the ratings, fold the user into a vector:
 * a small least-squares solve, no retraining) → model (score every movie for that vector and
 * take the top k: the ONNX graph, through `scorer`) → post-process (drop rated and excluded
 * movies, say "because you liked …").
 *
 * @example
 * await recommendMovies(rec, scorer, { ratings: [{ itemId: 'alien-1979', rating: 5 }], k: 1 })
 * // → { strategy: 'personal', unknownItemIds: [], items: [{ id: 'aliens-1986', title: 'Aliens',
 * //      year: 1986, genres: ['Action'], score: 4.12, explanation: 'Because you liked Alien',
 * //      because: { id: 'alien-1979', title: 'Alien', similarity: 0.71 }, … }] }
 */
export async function recommendMovies(
  rec: Recommender,
  scorer: ItemScorer,
  req: RecommendationRequest,
): Promise<RecommendationAnswer> {
  const result = await recommend(rec, scorer, req.ratings, req.k ?? 10, req.exclude ?? []);
  return {
    strategy: result.strategy,
    unknownItemIds: result.unknownItemIds,
    items: result.recommendations.map(({ item, predictedRating, because }) => ({
      ...movieSummary(rec.model, rec.itemIndex.get(item.id)!),
      score: round(predictedRating, 3),
      explanation: because ? `Because you liked ${because.item.title}` : null,
      because: because
        ? {
            id: because.item.id,
            title: because.item.title,
            similarity: round(because.similarity, 3),
          }
        : null,
    })),
  };
}
