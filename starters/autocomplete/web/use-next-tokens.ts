import { useEffect, useState } from 'react';
import { postJson } from '@shipml/client';
import { NEXT_TOKENS_URL, type NextTokens } from './api.js';

/** The model's most likely next tokens after `prompt` (the text before the cursor), debounced. */
export function useNextTokens(prompt: string, k = 8, debounceMs = 200): NextTokens | undefined {
  const [next, setNext] = useState<NextTokens>();
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      postJson<NextTokens>(NEXT_TOKENS_URL, { prompt, k }, { signal: controller.signal })
        .then(setNext)
        .catch(() => undefined); // a stale request was aborted, or the server is restarting
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [prompt, k, debounceMs]);
  return next;
}
