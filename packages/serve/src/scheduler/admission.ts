import { BusyError } from '../errors.js';

export interface AdmissionOptions {
  /** Requests worked on at the same time. */
  concurrency: number;
  /** Requests allowed to wait for a slot; one more gets a 503. */
  maxQueue: number;
  /** What a 503 tells the client to wait, seconds. */
  retryAfterSeconds?: number;
  /** The 503's message, e.g. "The server is busy reading other photos; try again in a moment." */
  busyMessage?: string;
  /** Called with requests in work + waiting whenever that changes (a metric to autoscale on). */
  onLoad?: (pending: number) => void;
}

/**
 * A bounded queue in front of an app's own work (a pipeline that decodes a photo, then calls
 * models): at most `concurrency` requests in work, `maxQueue` waiting, and a quick 503 with
 * Retry-After beyond that, so memory stays bounded however many requests arrive at once.
 * (Model calls have their own per-model queues; this bounds what happens around them.)
 */
export class Admission {
  #running = 0;
  #waiting: (() => void)[] = [];

  constructor(private readonly options: AdmissionOptions) {}

  /** Requests in work and waiting, for logs and tests. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  /** Runs `work` when a slot is free; throws BusyError (503) at once when the queue is full. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.#running >= this.options.concurrency) {
      if (this.#waiting.length >= this.options.maxQueue) {
        throw new BusyError(this.options.retryAfterSeconds ?? 1, this.options.busyMessage);
      }
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        };
        // A client that hangs up while waiting gives its place back.
        const leave = () => {
          this.#waiting = this.#waiting.filter((w) => w !== wake);
          this.#report();
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        signal?.addEventListener('abort', leave, { once: true });
        this.#waiting.push(wake);
        this.#report();
      });
    } else {
      this.#running++;
      this.#report();
    }
    try {
      signal?.throwIfAborted();
      return await work();
    } finally {
      const next = this.#waiting.shift();
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      if (next) next();
      else this.#running--;
      this.#report();
    }
  }

  #report(): void {
    this.options.onLoad?.(this.#running + this.#waiting.length);
  }
}
