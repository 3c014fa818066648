import type { ReactNode } from 'react';
import { cx } from './format.js';

export interface RecentItem {
  id: string;
  /** Small image URL (an object URL of the upload). */
  thumbnail?: string;
  title: ReactNode;
  subtitle?: ReactNode;
  /** Right-aligned detail: latency, time of day. */
  meta?: ReactNode;
}

export interface RecentListProps {
  items: RecentItem[];
  /** Makes items clickable (show that result again). */
  onSelect?: (item: RecentItem) => void;
  activeId?: string;
  /** Heading; default "Recent". */
  title?: string;
  /** Shown when there is nothing yet. */
  emptyText?: ReactNode;
}

/** The last few results of this session, newest first. */
export function RecentList({
  items,
  onSelect,
  activeId,
  title = 'Recent',
  emptyText = 'Nothing yet.',
}: RecentListProps) {
  return (
    <section className="sml-recent" aria-label={title}>
      <h2 className="sml-section-title">{title}</h2>
      {items.length === 0 ? (
        <p className="sml-recent__empty">{emptyText}</p>
      ) : (
        <ol className="sml-recent__list">
          {items.map((item) => {
            const body = (
              <>
                {item.thumbnail ? (
                  <img className="sml-recent__thumb" src={item.thumbnail} alt="" />
                ) : null}
                <span className="sml-recent__text">
                  <span className="sml-recent__title">{item.title}</span>
                  {item.subtitle ? (
                    <span className="sml-recent__subtitle">{item.subtitle}</span>
                  ) : null}
                </span>
                {item.meta ? <span className="sml-recent__meta">{item.meta}</span> : null}
              </>
            );
            return (
              <li key={item.id}>
                {onSelect ? (
                  <button
                    type="button"
                    className={cx(
                      'sml-recent__item',
                      item.id === activeId && 'sml-recent__item--active',
                    )}
                    onClick={() => onSelect(item)}
                  >
                    {body}
                  </button>
                ) : (
                  <div className="sml-recent__item">{body}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
