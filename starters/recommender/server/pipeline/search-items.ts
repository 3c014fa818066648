import { movieSummary, type MovieSummary } from './movie-summary.js';
import type { Recommender } from './recommender.js';

/**
 * Movies whose title contains every word of `query` (case and accents ignored): the exact title
 * first, then titles that start with the query, then the rest; best known first within each. An empty query lists the
 * best-known movies, which is what a new user is most likely to have seen.
 *
 * @example
 * searchItems(rec, 'star wars', 2)
 * // → [{ id: 'star-wars-1977', title: 'Star Wars', year: 1977, ratingCount: 412, … },
 * //    { id: 'star-wars-ep-i-the-phantom-menace-1999', … }]
 */
export function searchItems(rec: Recommender, query: string, limit: number): MovieSummary[] {
  const { model } = rec;
  const q = fold(query.trim());
  const words = q.split(/\s+/).filter(Boolean);
  const hits: { index: number; rank: number }[] = [];
  model.items.forEach((item, index) => {
    const title = fold(item.title);
    if (words.every((w) => title.includes(w)))
      hits.push({ index, rank: q === '' ? 0 : title === q ? 2 : title.startsWith(q) ? 1 : 0 });
  });
  hits.sort(
    (a, b) =>
      b.rank - a.rank ||
      model.ratingCount[b.index]! - model.ratingCount[a.index]! ||
      a.index - b.index,
  );
  return hits.slice(0, limit).map(({ index }) => movieSummary(model, index));
}

/** Lower case without accents, so "amelie" finds "Amélie". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
