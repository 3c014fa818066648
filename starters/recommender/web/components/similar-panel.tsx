import { useEffect } from 'react';
import { useMutation } from '@shipml/client/react';
import { ErrorBanner } from '@shipml/ui';
import { fetchSimilar, movieLabel, type Movie, type Rating } from '../api.js';
import { MovieRow } from './movie-row.js';

/** Movies whose vectors are closest to the selected one's: liked by the same people. */
export function SimilarPanel({
  movie,
  ratings,
  onRate,
  onSelect,
}: {
  movie: Movie | undefined;
  ratings: Map<string, Rating>;
  onRate: (movie: Movie, stars: number | undefined) => void;
  onSelect: (movie: Movie) => void;
}) {
  const similar = useMutation(fetchSimilar);
  useEffect(() => {
    if (movie) void similar.run(movie.id);
  }, [movie, similar.run]);

  return (
    <section className="sml-card panel" aria-label="Similar movies">
      <h2 className="sml-section-title">
        {movie ? `Similar to ${movieLabel(movie)}` : 'Similar movies'}
      </h2>
      {!movie ? <p className="muted">Click a title to see the movies closest to it.</p> : null}
      {similar.error ? <ErrorBanner title="No similar movies" error={similar.error} /> : null}
      {movie && similar.data ? (
        <ul className="movies" data-testid="similar">
          {similar.data.similar.map((m) => (
            <MovieRow
              key={m.id}
              movie={m}
              rating={ratings.get(m.id)}
              onRate={onRate}
              onSelect={onSelect}
              detail={`similarity ${m.similarity.toFixed(2)} · ${m.genres.slice(0, 2).join(', ')}`}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
