/**
 * The largest value observed during the last `windowMs` to `2 × windowMs`: a sliding maximum
 * kept in two buckets, so observing costs O(1) and no history is stored.
 */
export class RecentPeak {
  private current = 0;
  private previous = 0;
  private windowStart = -Infinity;

  constructor(private readonly windowMs: number) {}

  observe(value: number, now: number): void {
    this.roll(now);
    if (value > this.current) this.current = value;
  }

  value(now: number): number {
    this.roll(now);
    return Math.max(this.current, this.previous);
  }

  private roll(now: number): void {
    const elapsed = now - this.windowStart;
    if (elapsed < this.windowMs) return;
    // A window with no observations at all between them means the old peak is stale too.
    this.previous = elapsed < 2 * this.windowMs ? this.current : 0;
    this.current = 0;
    this.windowStart = now;
  }
}
