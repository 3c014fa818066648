import type { CatalogueItem } from '../data/types.js';

/**
 * Which side features (genres, director, decade) each item has, in compressed rows:
 * item i's feature indices are `index[offset[i] .. offset[i+1])`.
 * Features let an item without ratings, or a user with few, still get a sensible vector.
 */
export interface ItemFeatures {
  /** Feature names, e.g. "genre:Drama", "director:Ridley Scott", "decade:1990s". */
  names: string[];
  /** [nItems + 1] */
  offset: Int32Array;
  /** [total features over all items] */
  index: Int32Array;
}

/** The feature names of one catalogue item. */
export function featureNamesOf(item: CatalogueItem): string[] {
  const names = item.genres.map((g) => `genre:${g}`);
  if (item.director) names.push(`director:${item.director}`);
  if (item.year !== null) names.push(`decade:${Math.floor(item.year / 10) * 10}s`);
  return names;
}

/**
 * Builds the feature table. A feature shared by fewer than `minItems` items is dropped: a
 * director with one film tells nothing that the film's own vector doesn't.
 */
export function buildItemFeatures(items: CatalogueItem[], minItems = 2): ItemFeatures {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const n of featureNamesOf(item)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const names = [...counts]
    .filter(([, c]) => c >= minItems)
    .map(([n]) => n)
    .sort();
  const position = new Map(names.map((n, i) => [n, i]));
  const offset = new Int32Array(items.length + 1);
  const index: number[] = [];
  items.forEach((item, i) => {
    for (const n of featureNamesOf(item)) {
      const f = position.get(n);
      if (f !== undefined) index.push(f);
    }
    offset[i + 1] = index.length;
  });
  return { names, offset, index: Int32Array.from(index) };
}
