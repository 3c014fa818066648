import { cx, formatPercent } from './format.js';

export interface ConfidenceMeterProps {
  /** 0..1 */
  value: number;
  /** Below this the meter turns amber; default 0.6. */
  warnBelow?: number;
  label?: string;
}

/** A thin bar with the percentage, green when confident and amber when not. */
export function ConfidenceMeter({
  value,
  warnBelow = 0.6,
  label = 'Confidence',
}: ConfidenceMeterProps) {
  const pct = Math.min(1, Math.max(0, value)) * 100;
  return (
    <div className={cx('sml-meter', value < warnBelow && 'sml-meter--low')}>
      <div className="sml-meter__head">
        <span>{label}</span>
        <span className="sml-meter__value">{formatPercent(value)}</span>
      </div>
      <div
        className="sml-meter__track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
      >
        <div className="sml-meter__fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
