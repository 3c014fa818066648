import { ErrorBanner, Spinner } from '@shipml/ui';
import type { Movie, Rating, Recommendations } from '../api.js';
import { MovieRow } from './movie-row.js';

/** The model's picks, best first, each with its predicted stars and "because you liked …". */
export function RecommendationList({
  answer,
  error,
  pending,
  ratings,
  onRate,
  onSelect,
}: {
  answer: Recommendations | undefined;
  error: unknown;
  pending: boolean;
  ratings: Map<string, Rating>;
  onRate: (movie: Movie, stars: number | undefined) => void;
  onSelect: (movie: Movie) => void;
}) {
  return (
    <section className="sml-card panel" aria-label="Recommendations">
      <h2 className="sml-section-title recs__title">
        {answer?.strategy === 'personal' ? 'Recommended for you' : 'Popular movies'}
        {pending ? <Spinner label="Updating" size={14} /> : null}
      </h2>
      <p className="muted recs__hint">
        {answer?.strategy === 'personal'
          ? 'Predicted from your ratings, best first. Rate more to refine them.'
          : 'Rate a few movies and these turn into picks for you.'}
      </p>
      {error ? <ErrorBanner title="No recommendations this time" error={error} /> : null}
      <ol className="movies" data-testid="recommendations">
        {answer?.items.map((item) => (
          <MovieRow
            key={item.id}
            movie={item}
            rating={ratings.get(item.id)}
            onRate={onRate}
            onSelect={onSelect}
            detail={
              <>
                <span className="score" title="Predicted stars for you">
                  {item.score.toFixed(1)} ★
                </span>{' '}
                {item.explanation ?? item.genres.slice(0, 2).join(', ')}
              </>
            }
          />
        ))}
      </ol>
    </section>
  );
}
