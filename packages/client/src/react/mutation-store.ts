import { isAbortError } from '../errors.js';

/** Where a call stands. */
export type MutationStatus = 'idle' | 'pending' | 'success' | 'error';

/** Snapshot of a mutation: what a component renders from. */
export interface MutationState<T> {
  status: MutationStatus;
  /** Result of the last successful call; cleared when a new call starts. */
  data: T | undefined;
  /** Why the last call failed (a `ShipmlApiError` for server errors). */
  error: Error | undefined;
  /** Round-trip time of the last finished call in ms, measured in the caller (network included). */
  durationMs: number | undefined;
}

/** A function the store runs; it must honour `signal`. */
export type MutationFn<A extends unknown[], T> = (signal: AbortSignal, ...args: A) => Promise<T>;

/**
 * Framework-free state machine behind `useMutation`: one call at a time, a new call aborts the
 * one in flight (latest wins), results of aborted calls are dropped.
 */
export class MutationStore<A extends unknown[], T> {
  #state: MutationState<T> = idleState();
  #listeners = new Set<() => void>();
  #controller: AbortController | undefined;
  #fn: MutationFn<A, T>;

  constructor(fn: MutationFn<A, T>) {
    this.#fn = fn;
  }

  /** Swaps the function for the next calls (a component re-rendered with a new closure). */
  setFn(fn: MutationFn<A, T>): void {
    this.#fn = fn;
  }

  getState = (): MutationState<T> => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * Starts a call, aborting the previous one. Resolves to the data, or `undefined` when the call
   * failed or was aborted — it never rejects, so event handlers need no try/catch; read `error`.
   */
  run = async (...args: A): Promise<T | undefined> => {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const started = performance.now();
    this.#set({ status: 'pending', data: undefined, error: undefined, durationMs: undefined });
    try {
      const data = await this.#fn(controller.signal, ...args);
      if (this.#controller !== controller) return undefined;
      this.#controller = undefined;
      this.#set({
        status: 'success',
        data,
        error: undefined,
        durationMs: performance.now() - started,
      });
      return data;
    } catch (err) {
      if (this.#controller !== controller) return undefined;
      this.#controller = undefined;
      if (controller.signal.aborted && isAbortError(err)) {
        this.#set(idleState());
      } else {
        const error = err instanceof Error ? err : new Error(String(err));
        this.#set({
          status: 'error',
          data: undefined,
          error,
          durationMs: performance.now() - started,
        });
      }
      return undefined;
    }
  };

  /** Cancels the call in flight (if any) and goes back to idle. */
  abort = (): void => {
    const controller = this.#controller;
    this.#controller = undefined;
    controller?.abort();
    if (this.#state.status === 'pending') this.#set(idleState());
  };

  /** Cancels anything in flight and forgets the last result or error. */
  reset = (): void => {
    this.abort();
    this.#set(idleState());
  };

  #set(state: MutationState<T>): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}

function idleState<T>(): MutationState<T> {
  return { status: 'idle', data: undefined, error: undefined, durationMs: undefined };
}
