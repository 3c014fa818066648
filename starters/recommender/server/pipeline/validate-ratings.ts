import { InvalidRatingError, RecommenderInputError, TooManyRatingsError } from './errors.js';
import type { UserRating } from './fold-in.js';
import type { RecommenderModel } from './model.js';

/** A rating as a client sends it: the catalogue's item id and stars on the model's scale. */
export interface RatingInput {
  itemId: string;
  rating: number;
}

/** Fold-in stays fast well past this (10,000 ratings take ~10 ms); beyond it, answer 413. */
export const MAX_RATINGS_PER_REQUEST = 20_000;

/**
 * Checks a client's ratings against the model: every rating must be a number within the
 * model's scale (1..5 for whole-star data, 0.5..5 for ml-latest), or the request fails with 400.
 * Unknown item ids are not fatal: they are left out and reported, so that a catalogue update
 * does not break a client holding an old id.
 */
export function validateRatings(
  model: RecommenderModel,
  itemIndex: ReadonlyMap<string, number>,
  input: unknown,
): { ratings: UserRating[]; unknownItemIds: string[] } {
  if (!Array.isArray(input))
    throw new RecommenderInputError(
      'ratings must be an array of {itemId, rating}',
      400,
      'INVALID_RATINGS',
    );
  if (input.length > MAX_RATINGS_PER_REQUEST)
    throw new TooManyRatingsError(input.length, MAX_RATINGS_PER_REQUEST);
  const { min, max } = model.scale;
  const ratings: UserRating[] = [];
  const unknown = new Set<string>();
  input.forEach((entry: unknown, n) => {
    const { itemId, rating } = (entry ?? {}) as Partial<Record<'itemId' | 'rating', unknown>>;
    if (typeof itemId !== 'string' && typeof itemId !== 'number') {
      throw new InvalidRatingError(`ratings[${n}] has no itemId`);
    }
    if (typeof rating !== 'number' || !Number.isFinite(rating)) {
      throw new InvalidRatingError(
        `ratings[${n}].rating must be a number, got ${JSON.stringify(rating) ?? 'nothing'}`,
      );
    }
    if (rating < min || rating > max) {
      throw new InvalidRatingError(
        `ratings[${n}].rating is ${rating}; this model's ratings run from ${min} to ${max}`,
      );
    }
    const item = itemIndex.get(String(itemId));
    if (item === undefined) unknown.add(String(itemId));
    else ratings.push({ item, value: rating });
  });
  return { ratings, unknownItemIds: [...unknown] };
}
