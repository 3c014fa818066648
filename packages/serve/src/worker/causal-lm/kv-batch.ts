import * as ort from 'onnxruntime-node';

/** Model dimensions the cache layout depends on. */
export interface KvShape {
  layers: number;
  heads: number;
  headDim: number;
}

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

const int64 = (values: number[], dims: number[]) =>
  new ort.Tensor(
    'int64',
    BigInt64Array.from(values, (v) => BigInt(v)),
    dims,
  );

function cacheNames(layers: number, prefix: string): string[] {
  return Array.from({ length: layers }, (_, l) => [
    `${prefix}.${l}.key`,
    `${prefix}.${l}.value`,
  ]).flat();
}

/** Feeds that run a whole prompt from an empty cache (batch of one). */
export function prefillFeeds(shape: KvShape, tokens: number[]): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {
    input_ids: int64(tokens, [1, tokens.length]),
    attention_mask: int64(
      tokens.map(() => 1),
      [1, tokens.length],
    ),
    position_ids: int64(
      tokens.map((_, i) => i),
      [1, tokens.length],
    ),
  };
  for (const name of cacheNames(shape.layers, 'past_key_values')) {
    feeds[name] = new ort.Tensor('float32', new Float32Array(0), [
      1,
      shape.heads,
      0,
      shape.headDim,
    ]);
  }
  return feeds;
}

/** The `present` outputs of a run, in `KvSource.tensors` order. */
export function presentOf(
  shape: KvShape,
  outputs: ort.InferenceSession.ReturnType,
): Float32Array[] {
  return cacheNames(shape.layers, 'present').map((n) => outputs[n]!.data as Float32Array);
}

/**
 * The KV caches of every running sequence as one batch, left-padded to the longest: row i's
 * cache fills the last `lengths[i]` of `positions` slots and the attention mask is 0 before
 * them. A decode step's `present` outputs become the next step's cache as they are; rows are
 * copied only when sequences join or leave (`rebuild`), which also drops padding nobody needs.
 */
export class KvBatch {
  rows = 0;
  positions = 0;
  private tensors: Float32Array[] = [];

  constructor(private readonly shape: KvShape) {}

  /** Row `row` as a source for the next `rebuild`; valid until then. */
  source(row: number, length: number): KvSource {
    return { tensors: this.tensors, positions: this.positions, row, length };
  }

  /** Makes `sources` the batch's rows, in order. */
  rebuild(sources: KvSource[]): void {
    const { heads, headDim: D } = this.shape;
    const P = Math.max(0, ...sources.map((s) => s.length));
    const tensors = cacheNames(this.shape.layers, 'past').map(
      () => new Float32Array(sources.length * heads * P * D),
    );
    tensors.forEach((dst, t) => {
      sources.forEach((s, i) => {
        const src = s.tensors[t]!;
        for (let h = 0; h < heads; h++) {
          const from = ((s.row * heads + h) * s.positions + s.positions - s.length) * D;
          const to = ((i * heads + h) * P + P - s.length) * D;
          dst.set(src.subarray(from, from + s.length * D), to);
        }
      });
    });
    this.tensors = tensors;
    this.rows = sources.length;
    this.positions = P;
  }

  /**
   * Feeds for one decode step: each row's last token at position `lengths[i]` (its own
   * count of cached tokens), attending to its cached positions and itself.
   */
  feeds(lastTokens: number[], lengths: number[]): Record<string, ort.Tensor> {
    const { heads, headDim } = this.shape;
    const B = this.rows;
    const P = this.positions;
    const mask = new Array<number>(B * (P + 1)).fill(0);
    lengths.forEach((len, i) => mask.fill(1, i * (P + 1) + P - len, (i + 1) * (P + 1)));
    const feeds: Record<string, ort.Tensor> = {
      input_ids: int64(lastTokens, [B, 1]),
      attention_mask: int64(mask, [B, P + 1]),
      position_ids: int64(lengths, [B, 1]),
    };
    cacheNames(this.shape.layers, 'past_key_values').forEach((name, t) => {
      feeds[name] = new ort.Tensor('float32', this.tensors[t]!, [B, heads, P, headDim]);
    });
    return feeds;
  }

  /** Takes a decode step's `present` outputs (one position longer) as the cache. */
  absorb(outputs: ort.InferenceSession.ReturnType): void {
    this.tensors = presentOf(this.shape, outputs);
    this.positions += 1;
  }
}
