import { useEffect, useMemo, useState } from 'react';
import { useMutation } from '@shipml/client/react';
import { ErrorBanner, Spinner } from '@shipml/ui';
import { fetchMap, movieLabel, type MapPoint } from '../api.js';

const SIZE = 600;
const PAD = 12;
const GENRE_COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777'];

/**
 * Every movie's vector, squeezed to two dimensions (PCA): movies close together are liked by
 * the same people. Your rated movies are ringed, your recommendations filled in the accent
 * colour. Hover (or tap) a dot to see which movie it is; click to see its similar movies.
 */
export function MovieMap({
  rated,
  recommended,
  onSelect,
}: {
  rated: Set<string>;
  recommended: Set<string>;
  onSelect: (id: string) => void;
}) {
  const map = useMutation(fetchMap);
  const [hovered, setHovered] = useState<MapPoint>();
  useEffect(() => void map.run(), [map.run]);

  const view = useMemo(() => {
    const points = map.data?.points ?? [];
    // Frame the middle 99 % of the dots; the few outliers sit on the edge rather than
    // shrinking everyone else into the centre.
    const [x0, x1] = spread(points.map((p) => p.x));
    const [y0, y1] = spread(points.map((p) => p.y));
    const fit = (v: number, lo: number, hi: number) =>
      Math.min(1, Math.max(0, (v - lo) / (hi - lo || 1)));
    const sx = (x: number) => PAD + fit(x, x0, x1) * (SIZE - 2 * PAD);
    const sy = (y: number) => SIZE - PAD - fit(y, y0, y1) * (SIZE - 2 * PAD);
    // Colour the most common genres; the rest stay grey.
    const counts = new Map<string, number>();
    for (const p of points) counts.set(p.genre, (counts.get(p.genre) ?? 0) + 1);
    const top = [...counts.entries()]
      .filter(([g]) => g)
      .sort((a, b) => b[1] - a[1])
      .slice(0, GENRE_COLOURS.length)
      .map(([g]) => g);
    const colour = (g: string) => GENRE_COLOURS[top.indexOf(g)] ?? '#9ca3af';
    return { points, sx, sy, top, colour };
  }, [map.data]);

  const mine = view.points.filter((p) => rated.has(p.id) || recommended.has(p.id));
  return (
    <section className="sml-card panel" aria-label="Map of movies">
      <h2 className="sml-section-title">Map of the movies</h2>
      <p className="muted">
        Each dot is a movie, placed by its learned vector: neighbours are liked by the same people.
        {map.data
          ? ` The two axes show ${Math.round((map.data.explained[0] + map.data.explained[1]) * 100)} % of how the vectors differ.`
          : ''}
      </p>
      {map.error ? <ErrorBanner title="No map" error={map.error} /> : null}
      {map.isPending ? <Spinner label="Loading the map" /> : null}
      <div className="map">
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          role="img"
          aria-label="Movies placed by their vectors"
          data-testid="movie-map"
          onMouseLeave={() => setHovered(undefined)}
        >
          {view.points.map((p) => (
            <circle
              key={p.id}
              cx={view.sx(p.x)}
              cy={view.sy(p.y)}
              r={2.2 + Math.min(2.5, Math.log10(1 + p.ratingCount))}
              fill={view.colour(p.genre)}
              opacity={0.45}
              onMouseEnter={() => setHovered(p)}
              onClick={() => (setHovered(p), onSelect(p.id))}
            />
          ))}
          {mine.map((p) => (
            <circle
              key={`mine-${p.id}`}
              className={rated.has(p.id) ? 'map__rated' : 'map__recommended'}
              cx={view.sx(p.x)}
              cy={view.sy(p.y)}
              r={7}
              onMouseEnter={() => setHovered(p)}
              onClick={() => (setHovered(p), onSelect(p.id))}
            />
          ))}
          {hovered ? (
            <circle className="map__hover" cx={view.sx(hovered.x)} cy={view.sy(hovered.y)} r={9} />
          ) : null}
        </svg>
        <p className="map__label" data-testid="map-label" aria-live="polite">
          {hovered
            ? `${movieLabel(hovered)} · ${hovered.genre || 'no genre'} · ${hovered.ratingCount} ratings`
            : 'Hover a dot to see the movie.'}
        </p>
      </div>
      <ul className="map__legend">
        {view.top.map((g) => (
          <li key={g}>
            <span className="map__swatch" style={{ background: view.colour(g) }} />
            {g}
          </li>
        ))}
        <li>
          <span className="map__swatch map__swatch--rated" />
          rated by you
        </li>
        <li>
          <span className="map__swatch map__swatch--recommended" />
          recommended
        </li>
      </ul>
    </section>
  );
}

/** The 0.5th and 99.5th percentiles of `values`. */
function spread(values: number[]): [number, number] {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return [at(0.005), at(0.995)];
}
