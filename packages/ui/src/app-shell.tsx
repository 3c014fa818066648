import type { ReactNode } from 'react';

export interface AppShellProps {
  /** Product name in the header, e.g. "Plate reader". */
  title: string;
  /** One line under the title saying what the app does. */
  tagline?: ReactNode;
  /** Right side of the header: a status pill, links. */
  actions?: ReactNode;
  /** Small print at the bottom: model, licence, source link. */
  footer?: ReactNode;
  children: ReactNode;
}

/** Page frame of a starter: header with the shipml mark, a centred content column, a footer. */
export function AppShell({ title, tagline, actions, footer, children }: AppShellProps) {
  return (
    <div className="sml-shell">
      <header className="sml-shell__header">
        <div className="sml-shell__brand">
          <Mark />
          <div>
            <h1 className="sml-shell__title">{title}</h1>
            {tagline ? <p className="sml-shell__tagline">{tagline}</p> : null}
          </div>
        </div>
        {actions ? <div className="sml-shell__actions">{actions}</div> : null}
      </header>
      <main className="sml-shell__main">{children}</main>
      {footer ? <footer className="sml-shell__footer">{footer}</footer> : null}
    </div>
  );
}

function Mark() {
  return (
    <svg className="sml-shell__mark" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--sml-accent)" />
      <path
        d="M8 20.5c2.2 2 5 3 8 3s5.8-1 8-3M10 15l6-6.5 6 6.5M16 9v10"
        fill="none"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
