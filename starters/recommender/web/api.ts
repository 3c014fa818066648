// The app's API, as the page sees it (server/routes.ts answers it).
import { getJson, postJson } from '@shipml/client';

export interface Movie {
  id: string;
  title: string;
  year: number | null;
  genres: string[];
  director: string | null;
  ratingCount: number;
  meanRating: number;
}

export type RecommendedMovie = Movie & {
  /** Predicted stars for you. */
  score: number;
  explanation: string | null;
  because: { id: string; title: string; similarity: number } | null;
};

export interface Recommendations {
  strategy: 'personal' | 'popular';
  items: RecommendedMovie[];
  unknownItemIds: string[];
}

export interface MapPoint {
  id: string;
  title: string;
  year: number | null;
  genre: string;
  x: number;
  y: number;
  ratingCount: number;
}

/** A rating the user gave: stars 1–5. */
export interface Rating {
  movie: Movie;
  rating: number;
}

export const fetchRecommendations = (signal: AbortSignal, ratings: Rating[], k = 10) =>
  postJson<Recommendations>(
    '/api/recommendations',
    { ratings: ratings.map((r) => ({ itemId: r.movie.id, rating: r.rating })), k },
    { signal },
  );

export const searchMovies = (signal: AbortSignal, query: string) =>
  getJson<{ items: Movie[] }>(`/api/items?query=${encodeURIComponent(query)}&limit=12`, {
    signal,
  });

export const fetchSimilar = (signal: AbortSignal, id: string) =>
  getJson<{ movie: Movie; similar: (Movie & { similarity: number })[] }>(
    `/api/items/${encodeURIComponent(id)}/similar?k=8`,
    { signal },
  );

export const fetchMap = (signal: AbortSignal) =>
  getJson<{ points: MapPoint[]; explained: [number, number] }>('/api/map', { signal });

/** "Alien (1979)" */
export function movieLabel(m: { title: string; year: number | null }): string {
  return m.year ? `${m.title} (${m.year})` : m.title;
}
