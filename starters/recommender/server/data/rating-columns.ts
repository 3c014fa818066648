import type { RatingColumns } from './types.js';

/** Appends ratings to growable typed arrays; `finish()` returns them trimmed to length. */
export class RatingColumnsBuilder {
  private user = new Int32Array(1024);
  private item = new Int32Array(1024);
  private value = new Float32Array(1024);
  length = 0;

  add(user: number, item: number, value: number): void {
    if (this.length === this.user.length) this.grow();
    this.user[this.length] = user;
    this.item[this.length] = item;
    this.value[this.length] = value;
    this.length++;
  }

  finish(): RatingColumns {
    return {
      user: this.user.slice(0, this.length),
      item: this.item.slice(0, this.length),
      value: this.value.slice(0, this.length),
      length: this.length,
    };
  }

  private grow(): void {
    const size = this.user.length * 2;
    const user = new Int32Array(size);
    const item = new Int32Array(size);
    const value = new Float32Array(size);
    user.set(this.user);
    item.set(this.item);
    value.set(this.value);
    this.user = user;
    this.item = item;
    this.value = value;
  }
}

/** Maps source ids ("196", "u42") to dense indices 0..n-1 in order of first appearance. */
export class IdIndex {
  readonly ids: string[] = [];
  private readonly map = new Map<string, number>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  /** The index of `id`, adding it if new. */
  add(id: string): number {
    let index = this.map.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.map.set(id, index);
      this.ids.push(id);
    }
    return index;
  }

  /** The index of `id`, or undefined if it was never added. */
  get(id: string): number | undefined {
    return this.map.get(id);
  }
}

/** The ratings at positions `rows` (a split, a fold). */
export function selectRows(ratings: RatingColumns, rows: ArrayLike<number>): RatingColumns {
  const n = rows.length;
  const out: RatingColumns = {
    user: new Int32Array(n),
    item: new Int32Array(n),
    value: new Float32Array(n),
    length: n,
  };
  for (let k = 0; k < n; k++) {
    const r = rows[k]!;
    out.user[k] = ratings.user[r]!;
    out.item[k] = ratings.item[r]!;
    out.value[k] = ratings.value[r]!;
  }
  return out;
}
