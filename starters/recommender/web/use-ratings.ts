import { useCallback, useEffect, useState } from 'react';
import type { Movie, Rating } from './api.js';

const KEY = 'shipml-recommender-ratings';

/** The user's ratings, by movie id, kept in localStorage so a reload keeps them. */
export function useRatings(): {
  ratings: Map<string, Rating>;
  rate: (movie: Movie, stars: number | undefined) => void;
  clear: () => void;
} {
  const [ratings, setRatings] = useState<Map<string, Rating>>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) ?? '[]') as Rating[];
      return new Map(saved.map((r) => [r.movie.id, r]));
    } catch {
      return new Map();
    }
  });
  useEffect(() => localStorage.setItem(KEY, JSON.stringify([...ratings.values()])), [ratings]);
  const rate = useCallback((movie: Movie, stars: number | undefined) => {
    setRatings((old) => {
      const next = new Map(old);
      if (stars === undefined) next.delete(movie.id);
      else next.set(movie.id, { movie, rating: stars });
      return next;
    });
  }, []);
  const clear = useCallback(() => setRatings(new Map()), []);
  return { ratings, rate, clear };
}
