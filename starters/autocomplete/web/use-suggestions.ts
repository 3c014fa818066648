import { useCallback, useEffect, useRef, useState } from 'react';
import { streamJson } from '@shipml/client';
import { COMPLETE_STREAM_URL, type CompletionEvent, type Settings } from './api.js';

export interface Suggestions {
  /** The completions so far (they grow while the stream runs); the first is the ghost text. */
  texts: string[];
  running: boolean;
  /** Time to first piece of text, measured here in the page; tokens per second of the stream. */
  stats?: { ttftMs: number; tokensPerSecond: number; truncated: boolean };
  error?: unknown;
  /** Forget the suggestions (Esc, or after one was accepted). */
  clear(): void;
}

/**
 * Suggests completions of `prompt`: waits until typing pauses for `debounceMs`, then streams
 * them from the server. A newer prompt aborts the request still running for an older one, so
 * the server stops working on text nobody will see.
 */
export function useSuggestions(
  prompt: string,
  settings: Settings,
  enabled: boolean,
  debounceMs = 250,
): Suggestions {
  const [texts, setTexts] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const [stats, setStats] = useState<Suggestions['stats']>();
  const [error, setError] = useState<unknown>();
  const current = useRef<AbortController | undefined>(undefined);

  const clear = useCallback(() => {
    current.current?.abort();
    setTexts([]);
    setRunning(false);
  }, []);

  useEffect(() => {
    clear();
    if (!enabled || prompt.trim() === '') return;
    const controller = new AbortController();
    current.current = controller;
    const timer = setTimeout(() => void run(), debounceMs);
    async function run() {
      setRunning(true);
      setError(undefined);
      const started = performance.now();
      let ttftMs: number | undefined;
      const acc: string[] = [];
      try {
        const body = { prompt, ...settings };
        for await (const e of streamJson<CompletionEvent>(COMPLETE_STREAM_URL, body, {
          signal: controller.signal,
        })) {
          if ('done' in e) {
            const seconds = (performance.now() - started - (ttftMs ?? 0)) / 1000;
            setStats({
              ttftMs: ttftMs ?? e.timingsMs.firstToken,
              tokensPerSecond: seconds > 0 ? e.tokens / seconds : e.tokensPerSecond,
              truncated: e.truncated,
            });
          } else {
            ttftMs ??= performance.now() - started;
            acc[e.index] = (acc[e.index] ?? '') + e.text;
            setTexts([...acc]);
          }
        }
      } catch (err) {
        if (!controller.signal.aborted) setError(err);
      } finally {
        if (!controller.signal.aborted) setRunning(false);
      }
    }
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [prompt, settings, enabled, debounceMs, clear]);

  return { texts, running, stats, error, clear };
}
