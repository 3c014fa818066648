import { UnknownItemError } from './errors.js';
import { similarItems } from './item-similarity.js';
import { movieSummary, round, type MovieSummary } from './movie-summary.js';
import type { Recommender } from './recommender.js';

/** A neighbour of a movie, with the cosine similarity of their item vectors (−1..1). */
export type SimilarMovie = MovieSummary & { similarity: number };

/**
 * The `k` movies whose item vectors point most nearly the same way as `id`'s: people who rate
 * one highly tend to rate the other highly too. Throws {@link UnknownItemError} (404) for an id
 * the catalogue lacks.
 *
 * @example
 * similarMovies(rec, 'alien-1979', 2)
 * // → { movie: { id: 'alien-1979', title: 'Alien', … },
 * //     similar: [{ id: 'aliens-1986', title: 'Aliens', similarity: 0.71, … }, …] }
 */
export function similarMovies(
  rec: Recommender,
  id: string,
  k: number,
): { movie: MovieSummary; similar: SimilarMovie[] } {
  const index = rec.itemIndex.get(id);
  if (index === undefined) throw new UnknownItemError(id);
  return {
    movie: movieSummary(rec.model, index),
    similar: similarItems(rec.model, rec.unit, index, k).map(({ item, similarity }) => ({
      ...movieSummary(rec.model, item),
      similarity: round(similarity, 3),
    })),
  };
}
