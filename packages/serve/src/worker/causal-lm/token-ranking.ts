/**
 * Token ids by descending logit, ties by ascending id (the order `topIndices` gives), found
 * without comparing in JavaScript: each logit and its id become one float64 key whose numeric
 * order is that order, and the keys are selected (quickselect) and sorted natively. One
 * instance per sampler: its buffers are reused from one token to the next.
 */
export class TokenRanking {
  /** The ranked ids: the first `top(…)` of them are valid. */
  ids = new Uint32Array(0);
  private keys = new Float64Array(0);
  private floats = new Float32Array(0);
  private bits = new Uint32Array(0);

  /**
   * Ranks the `k` most likely tokens of `logits` ([vocab]; finite or -Infinity) into
   * `ids[0 … n-1]`, most likely first. Returns n = min(k, vocab).
   */
  top(logits: Float32Array, k: number): number {
    const V = logits.length;
    const n = Math.min(k, V);
    if (this.keys.length !== V) {
      this.keys = new Float64Array(V);
      this.ids = new Uint32Array(V);
      this.floats = new Float32Array(V);
      this.bits = new Uint32Array(this.floats.buffer);
    }
    const { keys, bits, ids } = this;
    this.floats.set(logits);
    for (let i = 0; i < V; i++) {
      let u = bits[i]!;
      if (u === 0x80000000) u = 0; // -0 ties with +0
      // IEEE bits mapped so that unsigned order is numeric order, then reversed: largest first.
      const ascending = u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
      // < 2^32 · V: exact in a float64 for any vocabulary under 2^21 tokens.
      keys[i] = (0xffffffff - ascending) * V + i;
    }
    if (n < V) selectSmallest(keys, n);
    const head = keys.subarray(0, n);
    head.sort();
    for (let j = 0; j < n; j++) ids[j] = head[j]! % V;
    return n;
  }
}

/** Reorders `a` so that its `k` smallest values (k ≥ 1) come first, in any order. */
function selectSmallest(a: Float64Array, k: number): void {
  const target = k - 1;
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // a[lo … j] ≤ pivot ≤ a[i … hi], and whatever lies between equals the pivot.
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}
