import { useEffect, useMemo, useState } from 'react';
import { getJson } from '@shipml/client';
import { useMutation, useServerReady } from '@shipml/client/react';
import { AppShell, StatusPill } from '@shipml/ui';
import { fetchRecommendations, type Movie } from './api.js';
import { MovieMap } from './components/movie-map.js';
import { MovieRow } from './components/movie-row.js';
import { MovieSearch } from './components/movie-search.js';
import { RecommendationList } from './components/recommendation-list.js';
import { SimilarPanel } from './components/similar-panel.js';
import { useRatings } from './use-ratings.js';

export function App() {
  const ready = useServerReady();
  const { ratings, rate, clear } = useRatings();
  const [selected, setSelected] = useState<Movie>();
  const [showMap, setShowMap] = useState(false);
  const recommendations = useMutation(fetchRecommendations);

  // Every change of a rating asks again: the server folds the ratings into a user vector and
  // scores every movie in a few milliseconds, so the list follows each click.
  useEffect(() => {
    if (ready === 'ready') void recommendations.run([...ratings.values()]);
  }, [ratings, ready, recommendations.run]);

  const rated = useMemo(() => new Set(ratings.keys()), [ratings]);
  const recommended = useMemo(
    () => new Set(recommendations.data?.items.map((i) => i.id) ?? []),
    [recommendations.data],
  );
  const selectById = (id: string) =>
    void getJson<{ movie: Movie }>(`/api/items/${encodeURIComponent(id)}/similar?k=1`)
      .then((r) => setSelected(r.movie))
      .catch(() => undefined);

  return (
    <AppShell
      title="Movie recommender"
      tagline="Rate a few movies: a matrix-factorisation model folds your taste into a vector and picks movies for you at once."
      actions={
        <StatusPill tone={ready === 'ready' ? 'ok' : ready === 'checking' ? 'busy' : 'warn'}>
          {ready === 'ready'
            ? 'Model ready'
            : ready === 'checking'
              ? 'Connecting…'
              : 'Model loading'}
        </StatusPill>
      }
      footer={
        <>
          Scored by an ONNX model served by @shipml/serve. API at <a href="/docs">/docs</a>.
        </>
      }
    >
      <div className="layout">
        <div className="column">
          <MovieSearch ratings={ratings} onRate={rate} onSelect={setSelected} />
          <section className="sml-card panel" aria-label="Your ratings">
            <h2 className="sml-section-title recs__title">
              Your ratings ({ratings.size})
              {ratings.size > 0 ? (
                <button type="button" className="sml-button sml-button--small" onClick={clear}>
                  Clear
                </button>
              ) : null}
            </h2>
            {ratings.size === 0 ? (
              <p className="muted">Nothing yet: give a movie some stars.</p>
            ) : (
              <ul className="movies" data-testid="your-ratings">
                {[...ratings.values()].map((r) => (
                  <MovieRow
                    key={r.movie.id}
                    movie={r.movie}
                    rating={r}
                    onRate={rate}
                    onSelect={setSelected}
                  />
                ))}
              </ul>
            )}
          </section>
        </div>
        <div className="column">
          <RecommendationList
            answer={recommendations.data}
            error={recommendations.error}
            pending={recommendations.isPending}
            ratings={ratings}
            onRate={rate}
            onSelect={setSelected}
          />
          <SimilarPanel movie={selected} ratings={ratings} onRate={rate} onSelect={setSelected} />
        </div>
      </div>
      <div className="map-toggle">
        <button
          type="button"
          className="sml-button sml-button--primary"
          aria-expanded={showMap}
          onClick={() => setShowMap(!showMap)}
        >
          {showMap ? 'Hide the map' : 'Open the map of movies'}
        </button>
      </div>
      {showMap ? <MovieMap rated={rated} recommended={recommended} onSelect={selectById} /> : null}
    </AppShell>
  );
}
