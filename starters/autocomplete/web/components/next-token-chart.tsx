import type { NextTokens } from '../api.js';

/** How a token looks on a label: spaces and line breaks made visible. */
export function showToken(text: string): string {
  if (text === '') return '(part of a character)';
  return text.replace(/ /g, '␣').replace(/\n/g, '⏎').replace(/\t/g, '⇥');
}

/**
 * The model's view of the next token: for the text before the cursor it gives every token of
 * its vocabulary a probability; here are the most likely few, as bars.
 */
export function NextTokenChart({ next }: { next: NextTokens | undefined }) {
  return (
    <section className="sml-card panel" aria-labelledby="next-title">
      <h2 className="sml-section-title" id="next-title">
        Next token at the cursor
      </h2>
      {next ? (
        <ol className="bars" data-testid="next-tokens">
          {next.tokens.map((t, i) => (
            <li key={i} className="bars__row">
              <code className="bars__label">{showToken(t.text)}</code>
              <span className="bars__track">
                <span
                  className="bars__fill"
                  style={{ width: `${(t.probability * 100).toFixed(1)}%` }}
                />
              </span>
              <span className="bars__value">{(t.probability * 100).toFixed(1)}%</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Type something to see what the model expects next.</p>
      )}
    </section>
  );
}
