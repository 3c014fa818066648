/** A one-consumer async queue: producers `push`, then `close` or `fail`; the consumer iterates. */
export class Channel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((err: unknown) => void) | undefined;
  private closed = false;
  private error: Error | undefined;

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) this.wake({ value: item, done: false });
    else this.items.push(item);
  }

  close(): void {
    this.closed = true;
    this.wake({ value: undefined, done: true });
  }

  fail(err: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.error = err instanceof Error ? err : new Error(String(err));
    const reject = this.failWaiting;
    this.waiting = this.failWaiting = undefined;
    reject?.(this.error);
  }

  private wake(result: IteratorResult<T>): void {
    const resolve = this.waiting;
    this.waiting = this.failWaiting = undefined;
    resolve?.(result);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.items.length > 0) {
        yield this.items.shift()!;
        continue;
      }
      if (this.error !== undefined) throw this.error;
      if (this.closed) return;
      const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
        this.waiting = resolve;
        this.failWaiting = reject;
      });
      if (next.done) return;
      yield next.value;
    }
  }
}
