import { itemMap } from './item-map.js';
import { round } from './movie-summary.js';
import type { Recommender } from './recommender.js';

/** One movie on the map. */
export interface MapPoint {
  id: string;
  title: string;
  year: number | null;
  /** The first genre, for the dot's colour ("" when the catalogue has none). */
  genre: string;
  /** Position on the two principal axes of the item vectors. */
  x: number;
  y: number;
  ratingCount: number;
}

/** The map's answer: the points and the share of the vectors' variance each axis shows. */
export interface MovieMap {
  points: MapPoint[];
  explained: [number, number];
}

/**
 * Every movie as a point on a 2-D map of its item vector (PCA: the two directions in which the
 * vectors differ most). Movies close together are liked by the same people. A movie nobody
 * rated still has a place: its vector is what its genres, director and decade say.
 *
 * @example
 * movieMap(rec)
 * // → { explained: [0.09, 0.06], points: [{ id: 'alien-1979', title: 'Alien', year: 1979,
 * //      genre: 'Horror', x: 0.41, y: -0.12, ratingCount: 61 }, …] }
 */
export function movieMap(rec: Recommender): MovieMap {
  const { model } = rec;
  const { points, explained } = itemMap(model);
  const out: MapPoint[] = [];
  model.items.forEach((item, i) => {
    out.push({
      id: item.id,
      title: item.title,
      year: item.year,
      genre: item.genres[0] ?? '',
      x: round(points[i * 2]!, 4),
      y: round(points[i * 2 + 1]!, 4),
      ratingCount: model.ratingCount[i]!,
    });
  });
  return { points: out, explained: [round(explained[0], 4), round(explained[1], 4)] };
}
