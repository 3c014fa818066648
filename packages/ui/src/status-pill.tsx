import type { ReactNode } from 'react';

export type Tone = 'ok' | 'busy' | 'warn' | 'error' | 'neutral';

export interface StatusPillProps {
  tone?: Tone;
  children: ReactNode;
}

/** A small rounded label with a coloured dot: "Model ready", "Reading…", "Server offline". */
export function StatusPill({ tone = 'neutral', children }: StatusPillProps) {
  return (
    <span className={`sml-pill sml-pill--${tone}`} role="status">
      <span className="sml-pill__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
