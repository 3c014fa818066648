import { formatMs } from './format.js';

export interface LatencyBadgeProps {
  ms: number;
  /** Default "latency". */
  label?: string;
}

/** `⏱ 84 ms latency`: one number a user can compare between runs. */
export function LatencyBadge({ ms, label = 'latency' }: LatencyBadgeProps) {
  return (
    <span className="sml-badge" title={`${label}: ${ms.toFixed(1)} ms`}>
      <svg viewBox="0 0 16 16" aria-hidden="true" className="sml-badge__icon">
        <circle cx="8" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path
          d="M8 6v3l2 1.5M6.5 1.5h3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
        />
      </svg>
      <strong>{formatMs(ms)}</strong> {label}
    </span>
  );
}

export interface TimingsProps {
  /** Milliseconds per step, in pipeline order, e.g. `{ decode: 4, detect: 52, recognize: 21, total: 80 }`. */
  timingsMs: Record<string, number>;
  /** Key holding the overall time, shown as the headline and left out of the bar; default "total". */
  totalKey?: string;
  /** Time measured in the browser (network included), shown beside the server total. */
  roundTripMs?: number;
}

/** Where the time went: a stacked bar of the server's steps with a legend. */
export function Timings({ timingsMs, totalKey = 'total', roundTripMs }: TimingsProps) {
  const steps = Object.entries(timingsMs).filter(
    ([name, ms]) => name !== totalKey && Number.isFinite(ms),
  );
  const sum = steps.reduce((acc, [, ms]) => acc + Math.max(0, ms), 0);
  const total = timingsMs[totalKey] ?? sum;
  return (
    <div className="sml-timings">
      <div className="sml-timings__head">
        <LatencyBadge ms={total} label="on the server" />
        {roundTripMs !== undefined ? <LatencyBadge ms={roundTripMs} label="round trip" /> : null}
      </div>
      {sum > 0 ? (
        <>
          <div className="sml-timings__bar" aria-hidden="true">
            {steps.map(([name, ms], i) => (
              <span
                key={name}
                className={`sml-timings__seg sml-timings__seg--${i % 6}`}
                style={{ flexGrow: Math.max(0, ms) }}
              />
            ))}
          </div>
          <ul className="sml-timings__legend">
            {steps.map(([name, ms], i) => (
              <li key={name}>
                <span
                  className={`sml-timings__swatch sml-timings__seg--${i % 6}`}
                  aria-hidden="true"
                />
                {name} <span className="sml-timings__ms">{formatMs(ms)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
