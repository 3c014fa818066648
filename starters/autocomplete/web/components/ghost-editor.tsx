import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';

export interface GhostEditorProps {
  value: string;
  /** Where the cursor is: suggestions continue the text before it. */
  cursor: number;
  /** Shown in grey at the cursor; Tab accepts it, Esc dismisses it. */
  suggestion: string;
  onChange(value: string, cursor: number): void;
  onAccept(): void;
  onDismiss(): void;
}

/**
 * A text area with "ghost text": the suggestion appears in grey right after the cursor, as if
 * typed. A mirror layer behind the transparent text area draws the same text, plus the ghost.
 */
export function GhostEditor({
  value,
  cursor,
  suggestion,
  onChange,
  onAccept,
  onDismiss,
}: GhostEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLDivElement>(null);

  // After an accepted suggestion the text grew under the cursor: move the cursor to its end.
  // Only when `cursor` itself changed: the browser reports a new selection a moment after it
  // happens, and a suggestion streaming in meanwhile must not collapse what the user selected.
  useLayoutEffect(() => {
    const el = area.current;
    if (el && el.selectionStart !== cursor && document.activeElement === el) {
      el.setSelectionRange(cursor, cursor);
    }
  }, [cursor]);
  // Keep the mirror scrolled with the text area, so the ghost stays under the cursor.
  useLayoutEffect(() => {
    if (area.current && mirror.current) mirror.current.scrollTop = area.current.scrollTop;
  });

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Tab' && suggestion) {
      e.preventDefault();
      onAccept();
    } else if (e.key === 'Escape' && suggestion) {
      e.preventDefault();
      onDismiss();
    }
  };

  return (
    <div className="ghost-editor">
      <div className="ghost-editor__mirror" ref={mirror} aria-hidden="true">
        {value.slice(0, cursor)}
        <span className="ghost-editor__ghost" data-testid="ghost">
          {suggestion}
        </span>
        {value.slice(cursor)}
        {'\u200b' /* keeps a trailing newline's height */}
      </div>
      <textarea
        ref={area}
        className="ghost-editor__input"
        aria-label="Your text"
        placeholder="Start typing — suggestions appear in grey. Tab accepts, Esc dismisses."
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
        onSelect={(e) => onChange(e.currentTarget.value, e.currentTarget.selectionStart)}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
        }}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
