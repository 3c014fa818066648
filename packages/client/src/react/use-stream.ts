import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShipmlClient } from '../client.js';
import { useMutation, type Mutation } from './use-mutation.js';

/** What `useStream` returns: a mutation whose `events` grow while the stream runs. */
export interface StreamMutation<A extends unknown[], E> extends Mutation<A, E[]> {
  /** Events received so far by the current (or last) run. */
  events: E[];
}

/**
 * Consumes an async stream (e.g. `client.generateStream(...)`), re-rendering on every event.
 * `run` restarts it (aborting the previous stream); `abort` stops it and closes the connection.
 */
export function useStream<A extends unknown[], E>(
  start: (signal: AbortSignal, ...args: A) => AsyncIterable<E>,
): StreamMutation<A, E> {
  const [events, setEvents] = useState<E[]>([]);
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  }, [start]);
  const fn = useCallback(async (signal: AbortSignal, ...args: A) => {
    setEvents([]);
    const all: E[] = [];
    for await (const event of startRef.current(signal, ...args)) {
      // A newer run owns the events now; drop this one's late arrivals.
      if (signal.aborted) break;
      all.push(event);
      setEvents((prev) => [...prev, event]);
    }
    signal.throwIfAborted();
    return all;
  }, []);
  return { ...useMutation(fn), events };
}

/**
 * Streams from a model's V2 `generate_stream` route:
 * `const gen = useGenerateStream(client, 'gpt2'); gen.run({ text_input: 'Hello' })`.
 */
export function useGenerateStream<E = Record<string, unknown>>(
  client: ShipmlClient,
  model: string,
): StreamMutation<[body: Record<string, unknown>], E> {
  const start = useCallback(
    (signal: AbortSignal, body: Record<string, unknown>) =>
      client.generateStream<E>(model, body, { signal }),
    [client, model],
  );
  return useStream(start);
}
