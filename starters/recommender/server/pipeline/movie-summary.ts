import type { RecommenderModel } from './model.js';

/** A movie as the API shows it. */
export interface MovieSummary {
  id: string;
  title: string;
  year: number | null;
  genres: string[];
  director: string | null;
  /** How many training ratings the movie had: how well the model knows it. */
  ratingCount: number;
  /** Their mean, in stars (the global mean when unrated). */
  meanRating: number;
}

/** The API's view of catalogue item `index` (an index into the model's item arrays). */
export function movieSummary(model: RecommenderModel, index: number): MovieSummary {
  const item = model.items[index]!;
  return {
    id: item.id,
    title: item.title,
    year: item.year,
    genres: item.genres,
    director: item.director,
    ratingCount: model.ratingCount[index]!,
    meanRating: round(model.ratingMean[index]!, 2),
  };
}

/** Rounds to `digits` decimals (JSON answers stay short and readable). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
