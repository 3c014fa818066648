/** A movie as the recommender knows it. `id` is the source's own id (MovieLens movieId, or a slug). */
export interface CatalogueItem {
  id: string;
  title: string;
  genres: string[];
  director: string | null;
  year: number | null;
}

/** The allowed rating values: ml-100k uses whole stars 1..5, ml-latest half stars 0.5..5. */
export interface RatingScale {
  min: number;
  max: number;
  /** Smallest difference between two ratings (1 or 0.5). */
  step: number;
}

/**
 * Ratings in columns (structure of arrays): rating k is user `user[k]` giving item `item[k]` the
 * value `value[k]`. Indices point into `users` / the catalogue, not at source ids, so the arrays
 * stay compact for 100k…30M ratings.
 */
export interface RatingColumns {
  user: Int32Array;
  item: Int32Array;
  value: Float32Array;
  length: number;
}

/** Where ratings came from; the model's sidecar records it. */
export type DataSourceName = 'bundled' | 'synthetic' | 'ml-100k' | 'ml-latest';

/** A line a loader could not use: the file, its 1-based line number and why. */
export interface SkippedLine {
  file: string;
  line: number;
  reason: string;
}

/** A catalogue plus who rated what. */
export interface RatingData {
  source: DataSourceName;
  items: CatalogueItem[];
  /** Source user ids, by user index. */
  users: string[];
  ratings: RatingColumns;
  scale: RatingScale;
  /** Malformed lines the loaders skipped (empty for generated data). */
  skipped: SkippedLine[];
  /** Who may redistribute the data, in one line. */
  licence: string;
}
