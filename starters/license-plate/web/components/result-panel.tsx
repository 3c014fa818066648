import { LatencyBadge, ResultCard, Timings } from '@shipml/ui';
import type { PlateReading } from '../api.js';
import { PlateText } from './plate-text.js';
import { RegionLine } from './region-line.js';

export interface ResultPanelProps {
  reading: PlateReading;
  roundTripMs?: number;
}

/** The answer for one photo: best plate, the region it was read as, other candidates, timings. */
export function ResultPanel({ reading, roundTripMs }: ResultPanelProps) {
  const [best, ...others] = reading.plates;
  return (
    <div className="results" data-testid="results">
      {best ? (
        <ResultCard
          eyebrow="Plate"
          title={<PlateText text={best.text} />}
          confidence={best.confidence}
          primary
        >
          {reading.region ? <RegionLine region={reading.region} /> : null}
          {reading.timingsMs.total !== undefined ? (
            <LatencyBadge ms={reading.timingsMs.total} />
          ) : null}
        </ResultCard>
      ) : (
        <ResultCard
          eyebrow="No plate found"
          title={<span className="results__none">Nothing that reads like a plate</span>}
        >
          <p className="results__advice">
            Try a sharper photo, or one where the plate is larger in the frame.
          </p>
          {reading.region ? <RegionLine region={reading.region} /> : null}
        </ResultCard>
      )}
      {others.length > 0 ? (
        <section className="sml-card results__others" aria-label="Other candidates">
          <h2 className="sml-section-title">Other candidates</h2>
          <ul>
            {others.map((p, i) => (
              <li key={i}>
                <PlateText text={p.text} size="small" />
                <span className="results__conf">{Math.round(p.confidence * 100)}%</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="sml-card results__timings" aria-label="Timings">
        <h2 className="sml-section-title">Where the time went</h2>
        <Timings
          timingsMs={reading.timingsMs}
          {...(roundTripMs !== undefined ? { roundTripMs } : {})}
        />
      </section>
    </div>
  );
}
