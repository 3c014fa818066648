import { useEffect, useMemo, useState } from 'react';
import { getJson } from '@shipml/client';
import { useServerReady } from '@shipml/client/react';
import { AppShell, ErrorBanner, StatusPill } from '@shipml/ui';
import type { Settings } from './api.js';
import { GhostEditor } from './components/ghost-editor.js';
import { NextTokenChart } from './components/next-token-chart.js';
import { SettingsPanel } from './components/settings-panel.js';
import { useNextTokens } from './use-next-tokens.js';
import { useSuggestions } from './use-suggestions.js';

const START = 'Call me Ishmael. Some years ago';

export function App() {
  const ready = useServerReady();
  const [text, setText] = useState(START);
  const [cursor, setCursor] = useState(START.length);
  const [settings, setSettings] = useState<Settings>({ maxNewTokens: 24, temperature: 0.7, n: 3 });
  const [model, setModel] = useState<string>();
  useEffect(() => {
    getJson<{ name: string }>('/api/model')
      .then((m) => setModel(m.name))
      .catch(() => undefined);
  }, [ready]);

  // The model continues the text before the cursor.
  const prompt = useMemo(() => text.slice(0, cursor), [text, cursor]);
  const suggestions = useSuggestions(prompt, settings, ready === 'ready');
  const next = useNextTokens(prompt);
  const ghost = suggestions.texts[0] ?? '';

  const accept = (suggestion: string) => {
    setText(text.slice(0, cursor) + suggestion + text.slice(cursor));
    setCursor(cursor + suggestion.length);
    suggestions.clear();
  };

  return (
    <AppShell
      title="Text autocomplete"
      tagline="A small GPT-2-style language model completes what you type, streamed as it writes."
      actions={
        <StatusPill tone={ready === 'ready' ? 'ok' : ready === 'checking' ? 'busy' : 'warn'}>
          {ready === 'ready'
            ? 'Model ready'
            : ready === 'checking'
              ? 'Connecting…'
              : 'Model loading'}
        </StatusPill>
      }
      footer={
        <>
          Served by @shipml/serve: concurrent completions share one model call per step. API at{' '}
          <a href="/docs">/docs</a>.
        </>
      }
    >
      <div className="layout">
        <section className="sml-card editor-card" aria-label="Editor">
          <GhostEditor
            value={text}
            cursor={cursor}
            suggestion={ghost}
            onChange={(value, at) => {
              setText(value);
              setCursor(at);
            }}
            onAccept={() => accept(ghost)}
            onDismiss={suggestions.clear}
          />
          <div className="editor-card__status" aria-live="polite">
            <span className="muted">
              <kbd>Tab</kbd> accepts · <kbd>Esc</kbd> dismisses
            </span>
            {suggestions.stats ? (
              <span data-testid="stats">
                first token {Math.round(suggestions.stats.ttftMs)} ms ·{' '}
                {Math.round(suggestions.stats.tokensPerSecond)} tokens/s
                {suggestions.stats.truncated ? ' · long text: only its end was read' : ''}
              </span>
            ) : null}
          </div>
          {suggestions.error ? (
            <ErrorBanner title="No suggestion this time" error={suggestions.error} />
          ) : null}
          {suggestions.texts.length > 1 ? (
            <div className="alternatives">
              <h2 className="sml-section-title">Alternatives</h2>
              <ul>
                {suggestions.texts.map((s, i) => (
                  <li key={i}>
                    <button type="button" className="alternative" onClick={() => accept(s)}>
                      <span className="muted">…</span>
                      {s}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        <aside className="side">
          <NextTokenChart next={next} />
          <SettingsPanel settings={settings} onChange={setSettings} model={model} />
        </aside>
      </div>
    </AppShell>
  );
}
