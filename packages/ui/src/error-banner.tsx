import type { ReactNode } from 'react';

export interface ErrorBannerProps {
  /** An Error (its `message` is shown; a `status` such as ShipmlApiError's adds a hint) or a string. */
  error: unknown;
  /** Headline; default "Something went wrong". */
  title?: ReactNode;
  onRetry?: () => void;
  onDismiss?: () => void;
}

const HINTS: Record<number, string> = {
  0: 'Is the server running?',
  400: 'Try another file.',
  404: 'The server does not know this route or model.',
  413: 'Try a smaller file.',
  415: 'Try a JPEG, PNG or WebP image.',
  429: 'Slow down a little and try again.',
  503: 'The server is busy; try again in a moment.',
  504: 'The server took too long; try again.',
};

/** Says what went wrong in words, with what to do next, instead of failing silently. */
export function ErrorBanner({
  error,
  title = 'Something went wrong',
  onRetry,
  onDismiss,
}: ErrorBannerProps) {
  const { message, hint } = describeError(error);
  return (
    <div className="sml-error" role="alert">
      <svg className="sml-error__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path
          d="M10 5.5v5.5M10 14v.5"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
        />
      </svg>
      <div className="sml-error__text">
        <p className="sml-error__title">{title}</p>
        <p className="sml-error__message">
          {message}
          {hint ? <span className="sml-error__hint"> {hint}</span> : null}
        </p>
      </div>
      <div className="sml-error__actions">
        {onRetry ? (
          <button type="button" className="sml-button sml-button--small" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {onDismiss ? (
          <button
            type="button"
            className="sml-error__close"
            aria-label="Dismiss"
            onClick={onDismiss}
          >
            ×
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Words that start advice ("Send a JPEG…", "try again in a moment"): a message that has one
 * already says what to do, and a second hint would only repeat it.
 */
const ADVICE = /\b(try|send|use|put|pick|choose|check|wait|retry)\b/i;

/**
 * The message to show for any thrown value, and a hint from its HTTP `status` when it has one —
 * unless the message already says what to do.
 */
export function describeError(error: unknown): { message: string; hint: string | undefined } {
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
  const status =
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof error.status === 'number'
      ? error.status
      : undefined;
  const hint = status === undefined || ADVICE.test(message) ? undefined : HINTS[status];
  return { message, hint };
}
