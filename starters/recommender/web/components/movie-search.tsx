import { useEffect, useState } from 'react';
import { useMutation } from '@shipml/client/react';
import { ErrorBanner } from '@shipml/ui';
import { searchMovies, type Movie, type Rating } from '../api.js';
import { MovieRow } from './movie-row.js';

/** A search box and the movies it finds (the best-known ones while it is empty). */
export function MovieSearch({
  ratings,
  onRate,
  onSelect,
}: {
  ratings: Map<string, Rating>;
  onRate: (movie: Movie, stars: number | undefined) => void;
  onSelect: (movie: Movie) => void;
}) {
  const [query, setQuery] = useState('');
  const search = useMutation(searchMovies);
  useEffect(() => {
    // Wait for a pause in typing; each new search aborts the one before.
    const timer = setTimeout(() => void search.run(query), 150);
    return () => clearTimeout(timer);
  }, [query, search.run]);

  return (
    <section className="sml-card panel" aria-label="Find movies">
      <h2 className="sml-section-title">Rate movies you have seen</h2>
      <input
        className="search"
        type="search"
        placeholder="Search titles, e.g. Alien"
        aria-label="Search movies"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {search.error ? <ErrorBanner title="Search failed" error={search.error} /> : null}
      <ul className="movies" data-testid="search-results">
        {search.data?.items.map((movie) => (
          <MovieRow
            key={movie.id}
            movie={movie}
            rating={ratings.get(movie.id)}
            onRate={onRate}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {search.data?.items.length === 0 ? <p className="muted">No movie has that title.</p> : null}
    </section>
  );
}
