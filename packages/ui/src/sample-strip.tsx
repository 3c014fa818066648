import { cx } from './format.js';

export interface Sample {
  id: string;
  /** Thumbnail (and, usually, the full image) URL. */
  src: string;
  /** Short caption, e.g. "UK, dusk". */
  label: string;
}

export interface SampleStripProps {
  samples: Sample[];
  onSelect: (sample: Sample) => void;
  /** Marks the sample currently shown. */
  activeId?: string;
  disabled?: boolean;
  /** Heading; default "Or try a sample". */
  title?: string;
}

/** A row of clickable example inputs, so a visitor can try the app without a file of their own. */
export function SampleStrip({
  samples,
  onSelect,
  activeId,
  disabled = false,
  title = 'Or try a sample',
}: SampleStripProps) {
  if (samples.length === 0) return null;
  return (
    <section className="sml-samples" aria-label={title}>
      <h2 className="sml-section-title">{title}</h2>
      <ul className="sml-samples__list">
        {samples.map((sample) => (
          <li key={sample.id}>
            <button
              type="button"
              className={cx(
                'sml-samples__item',
                sample.id === activeId && 'sml-samples__item--active',
              )}
              disabled={disabled}
              aria-pressed={sample.id === activeId}
              onClick={() => onSelect(sample)}
            >
              <img src={sample.src} alt="" loading="lazy" />
              <span>{sample.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
