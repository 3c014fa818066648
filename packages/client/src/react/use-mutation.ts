import { useEffect, useRef, useSyncExternalStore } from 'react';
import { MutationStore, type MutationFn, type MutationState } from './mutation-store.js';

/** What `useMutation` and the hooks built on it return. */
export interface Mutation<A extends unknown[], T> extends MutationState<T> {
  /** Starts a call (aborting the one in flight); resolves to the data or `undefined`, never rejects. */
  run: (...args: A) => Promise<T | undefined>;
  /** Cancels the call in flight. */
  abort: () => void;
  /** Cancels and clears `data`/`error`. */
  reset: () => void;
  /** `status === 'pending'`. */
  isPending: boolean;
}

/**
 * Runs an async call on demand and tracks its status, data and error. Each `run` aborts the
 * previous call, and unmounting aborts the last one, so a slow answer never overwrites a newer one.
 *
 * ```tsx
 * const upload = useMutation((signal, file: File) => postFile<Reading>('/api/plates', file, { signal }));
 * <input type="file" onChange={(e) => void upload.run(e.target.files![0]!)} />
 * ```
 */
export function useMutation<A extends unknown[], T>(fn: MutationFn<A, T>): Mutation<A, T> {
  const storeRef = useRef<MutationStore<A, T> | null>(null);
  storeRef.current ??= new MutationStore(fn);
  const store = storeRef.current;
  // Always call the latest closure, without restarting anything when it changes.
  useEffect(() => store.setFn(fn), [store, fn]);
  useEffect(() => () => store.abort(), [store]);
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  return {
    ...state,
    isPending: state.status === 'pending',
    run: store.run,
    abort: store.abort,
    reset: store.reset,
  };
}
