import * as ort from 'onnxruntime-node';
import type { CausalLm } from './hf-model.js';

/**
 * Where one sequence's cache lies: row `row` of `tensors` (`past` order: layer 0 key, layer 0
 * value, layer 1 key, …, each [rows, heads, positions, headDim]); its `length` positions are
 * the last ones, any before them are padding.
 */
export interface KvSource {
  tensors: Float32Array[];
  positions: number;
  row: number;
  length: number;
}

/** `prefix.{layer}.key|value` for every layer, in `past` order. */
export function cacheNames(layers: number, prefix: string): string[] {
  return Array.from({ length: layers }, (_, l) => [
    `${prefix}.${l}.key`,
    `${prefix}.${l}.value`,
  ]).flat();
}

/** Positions a batch's cache grows (or shrinks) by. */
export const KV_CHUNK = 64;

/**
 * The KV caches of every running sequence as one batch with a fixed number of positions,
 * `capacity`, so that a decode step's inputs keep their shapes (and buffers) from one step to
 * the next. Row i's cache fills positions 0 … length-1; the rest are masked out, and each row
 * gets its own position id, so what the masked positions hold does not matter. A step feeds
 * the cache as `past_key_values.*` with past length `capacity`, and of the model's `present.*`
 * keeps only the new position, written into the cache at the row's length: no copy of the
 * cache per step. Capacity follows the longest row in steps of `chunk` positions; rows are
 * copied only when a sequence joins (`add`), leaves (`remove`) or capacity changes.
 */
export class KvBatch {
  /** Rows in use. */
  rows = 0;
  /** Positions each row has room for: the past length the model sees. */
  capacity = 0;
  /** Rows the buffers have room for. */
  private room = 0;
  private lengths: number[] = [];
  private cache: Float32Array[] = [];
  private ids = new BigInt64Array(0);
  private positions = new BigInt64Array(0);
  private mask = new BigInt64Array(0);
  /** Feeds over the first `rows` rows of the buffers; rebuilt when rows or capacity change. */
  private feeds: Record<string, ort.Tensor> | undefined;
  private readonly fetches: string[];
  /** Most positions a row can hold: with the new position, keys never outnumber the context. */
  private readonly maxCapacity: number;

  constructor(
    private readonly lm: CausalLm,
    private readonly chunk = KV_CHUNK,
  ) {
    this.fetches = ['logits', ...(lm.lastKv ?? cacheNames(lm.layers, 'present'))];
    this.maxCapacity = lm.context - 1;
  }

  /** Tokens cached in row `row`. */
  length(row: number): number {
    return this.lengths[row]!;
  }

  /** Appends a sequence whose cache is `source` as row `rows`; copies it once. */
  add(source: KvSource): void {
    const row = this.rows;
    const capacity = Math.max(this.capacity, this.fit(source.length + 1));
    if (source.length > capacity) {
      throw new Error(`a ${source.length}-token cache does not fit in ${capacity} positions`);
    }
    if (row >= this.room || capacity !== this.capacity) {
      this.resize(row >= this.room ? Math.max(row + 1, this.room * 2) : this.room, capacity);
    }
    const { heads, headDim: D } = this.lm;
    this.cache.forEach((dst, t) => {
      const src = source.tensors[t]!;
      for (let h = 0; h < heads; h++) {
        const from = ((source.row * heads + h) * source.positions + source.positions) * D;
        dst.set(
          src.subarray(from - source.length * D, from),
          (row * heads + h) * this.capacity * D,
        );
      }
    });
    this.lengths[row] = source.length;
    this.rows++;
    this.feeds = undefined;
  }

  /** Drops row `row`: the last row moves into its place. */
  remove(row: number): void {
    const last = this.rows - 1;
    if (row !== last) this.copyRow(this.cache, last, row, this.capacity);
    this.lengths[row] = this.lengths[last]!;
    this.lengths.length = last;
    this.rows = last;
    this.feeds = undefined;
    // An idle batch lets its buffers go.
    if (last === 0) this.resize(0, 0);
  }

  /**
   * One decode step: row i's `tokens[i]` at position `length(i)`, attending to its cache and
   * itself; its key and value then join the cache. Returns the logits, [rows, vocab].
   */
  async step(tokens: number[]): Promise<Float32Array> {
    const capacity = this.fit(Math.max(...this.lengths) + 1);
    if (capacity !== this.capacity) this.resize(this.room, capacity);
    const C = this.capacity;
    for (let i = 0; i < this.rows; i++) {
      const len = this.lengths[i]!;
      this.ids[i] = BigInt(tokens[i]!);
      this.positions[i] = BigInt(len);
      const row = i * (C + 1);
      this.mask.fill(1n, row, row + len);
      this.mask.fill(0n, row + len, row + C);
      this.mask[row + C] = 1n;
    }
    const outputs = await this.lm.session.run((this.feeds ??= this.makeFeeds()), this.fetches);
    const { heads, headDim: D } = this.lm;
    // The new position: alone in `lastKv` outputs, after the `C` past ones in `present`.
    const [positions, at] = this.lm.lastKv ? [1, 0] : [C + 1, C];
    this.cache.forEach((dst, t) => {
      const src = outputs[this.fetches[t + 1]!]!.data as Float32Array;
      for (let i = 0; i < this.rows; i++) {
        // A row at the last position the context has ends with this step; nothing to keep.
        if (this.lengths[i]! >= C) continue;
        for (let h = 0; h < heads; h++) {
          const from = ((i * heads + h) * positions + at) * D;
          dst.set(src.subarray(from, from + D), ((i * heads + h) * C + this.lengths[i]!) * D);
        }
      }
    });
    for (let i = 0; i < this.rows; i++) this.lengths[i]!++;
    return outputs.logits!.data as Float32Array;
  }

  /** Capacity for rows of up to `positions` positions: whole chunks, at most `maxCapacity`. */
  private fit(positions: number): number {
    return Math.min(Math.ceil(positions / this.chunk) * this.chunk, this.maxCapacity);
  }

  /** New buffers for `room` rows of `capacity` positions, keeping the rows' caches. */
  private resize(room: number, capacity: number): void {
    const { heads, headDim } = this.lm;
    const cache = cacheNames(this.lm.layers, 'past').map(
      () => new Float32Array(room * heads * capacity * headDim),
    );
    for (let i = 0; i < this.rows; i++) this.copyRow(cache, i, i, capacity);
    this.cache = cache;
    this.ids = new BigInt64Array(room);
    this.positions = new BigInt64Array(room);
    this.mask = new BigInt64Array(room * (capacity + 1));
    this.room = room;
    this.capacity = capacity;
    this.feeds = undefined;
  }

  /** Copies row `from`'s cached positions into row `to` of `dst` (rows of `capacity`). */
  private copyRow(dst: Float32Array[], from: number, to: number, capacity: number): void {
    const { heads, headDim: D } = this.lm;
    const n = this.lengths[from]! * D;
    dst.forEach((d, t) => {
      const src = this.cache[t]!;
      for (let h = 0; h < heads; h++) {
        const at = (from * heads + h) * this.capacity * D;
        d.set(src.subarray(at, at + n), (to * heads + h) * capacity * D);
      }
    });
  }

  private makeFeeds(): Record<string, ort.Tensor> {
    const { heads, headDim, layers } = this.lm;
    const B = this.rows;
    const C = this.capacity;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', this.ids.subarray(0, B), [B, 1]),
      attention_mask: new ort.Tensor('int64', this.mask.subarray(0, B * (C + 1)), [B, C + 1]),
      position_ids: new ort.Tensor('int64', this.positions.subarray(0, B), [B, 1]),
    };
    cacheNames(layers, 'past_key_values').forEach((name, t) => {
      const data = this.cache[t]!.subarray(0, B * heads * C * headDim);
      feeds[name] = new ort.Tensor('float32', data, [B, heads, C, headDim]);
    });
    return feeds;
  }
}
