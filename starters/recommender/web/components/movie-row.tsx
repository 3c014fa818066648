import type { ReactNode } from 'react';
import { movieLabel, type Movie, type Rating } from '../api.js';
import { StarRating } from './star-rating.js';

/** A movie in a list: its title (click: show similar movies), details, and stars to rate it. */
export function MovieRow({
  movie,
  rating,
  onRate,
  onSelect,
  detail,
}: {
  movie: Movie;
  rating: Rating | undefined;
  onRate: (movie: Movie, stars: number | undefined) => void;
  onSelect: (movie: Movie) => void;
  detail?: ReactNode;
}) {
  return (
    <li className="movie">
      <div className="movie__text">
        <button type="button" className="movie__title" onClick={() => onSelect(movie)}>
          {movieLabel(movie)}
        </button>
        <span className="movie__detail muted">{detail ?? movie.genres.slice(0, 3).join(', ')}</span>
      </div>
      <StarRating
        title={movie.title}
        value={rating?.rating}
        onChange={(stars) => onRate(movie, stars)}
      />
    </li>
  );
}
