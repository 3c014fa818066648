/**
 * Interpolated Kneser–Ney bigram over token ids — the baseline a neural model must beat:
 * P(w | v) = max(c(v,w) − D, 0) / c(v) + D · N₁₊(v·) / c(v) · P_cont(w),
 * with P_cont(w) ∝ N₁₊(·w) + 1 (add-one keeps never-seen continuations above zero).
 */
export class ByteBigram {
  private constructor(
    private readonly vocab: number,
    private readonly pairs: Float64Array,
    private readonly rows: Float64Array,
    private readonly followers: Float64Array,
    private readonly continuation: Float64Array,
    private readonly discount: number,
  ) {}

  /** Counts bigrams in a token stream (ids in [0, vocab)). */
  static fit(tokens: ArrayLike<number>, vocab: number, discount = 0.75): ByteBigram {
    const pairs = new Float64Array(vocab * vocab);
    for (let i = 1; i < tokens.length; i++) pairs[tokens[i - 1]! * vocab + tokens[i]!]!++;
    const rows = new Float64Array(vocab);
    const followers = new Float64Array(vocab);
    const preceders = new Float64Array(vocab);
    let distinctPairs = 0;
    for (let v = 0; v < vocab; v++) {
      for (let w = 0; w < vocab; w++) {
        const c = pairs[v * vocab + w]!;
        rows[v] = rows[v]! + c;
        if (c > 0) {
          followers[v]!++;
          preceders[w]!++;
          distinctPairs++;
        }
      }
    }
    const continuation = preceders.map((n) => (n + 1) / (distinctPairs + vocab));
    return new ByteBigram(vocab, pairs, rows, followers, continuation, discount);
  }

  /** P(next | prev). */
  prob(prev: number, next: number): number {
    const row = this.rows[prev]!;
    const pc = this.continuation[next]!;
    if (row === 0) return pc;
    const c = this.pairs[prev * this.vocab + next]!;
    return (
      Math.max(c - this.discount, 0) / row + ((this.discount * this.followers[prev]!) / row) * pc
    );
  }

  /** Per-token perplexity of tokens[1..] given each previous token. */
  perplexity(tokens: ArrayLike<number>): number {
    let nll = 0;
    for (let i = 1; i < tokens.length; i++) nll -= Math.log(this.prob(tokens[i - 1]!, tokens[i]!));
    return Math.exp(nll / (tokens.length - 1));
  }
}
