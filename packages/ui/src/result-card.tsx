import type { ReactNode } from 'react';
import { ConfidenceMeter } from './confidence-meter.js';
import { cx } from './format.js';

export interface ResultCardProps {
  /** Small caps line above the result, e.g. "Best match" or "Plate 2". */
  eyebrow?: ReactNode;
  /** The result itself (plate text, label, generated text). */
  title: ReactNode;
  /** 0..1; shows a meter when given. */
  confidence?: number;
  /** Highlight as the main result. */
  primary?: boolean;
  /** Anything else: badges, details. */
  children?: ReactNode;
}

/** One result, with its confidence: the main thing a starter's page shows. */
export function ResultCard({
  eyebrow,
  title,
  confidence,
  primary = false,
  children,
}: ResultCardProps) {
  return (
    <article className={cx('sml-card', 'sml-result', primary && 'sml-result--primary')}>
      {eyebrow ? <p className="sml-result__eyebrow">{eyebrow}</p> : null}
      <div className="sml-result__title">{title}</div>
      {confidence !== undefined ? <ConfidenceMeter value={confidence} /> : null}
      {children ? <div className="sml-result__body">{children}</div> : null}
    </article>
  );
}
