import type { OrtGpt } from './ort-gpt.js';

/**
 * Per-token perplexity of tokens[1..] under the model, scored with sliding windows: each window
 * holds the model's full context, and only its second half is scored (the first window scores
 * everything), so every token is predicted exactly once, from at least half a context of history.
 * Returns the perplexity and the number of scored tokens.
 */
export async function modelPerplexity(
  model: OrtGpt,
  tokens: ArrayLike<number>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ perplexity: number; tokens: number }> {
  const ctx = model.config.nPositions;
  const stride = Math.floor(ctx / 2);
  const V = model.config.vocabSize;
  const windows: { start: number; length: number; from: number }[] = [];
  for (let start = 0; start < tokens.length - 1; start += stride) {
    const length = Math.min(ctx, tokens.length - 1 - start);
    // Score targets at window offsets [from, length): targets already scored by the previous window are skipped.
    windows.push({ start, length, from: start === 0 ? 0 : ctx - stride });
    if (start + length >= tokens.length - 1) break;
  }
  let nll = 0;
  let scored = 0;
  const batch = 16;
  for (let w = 0; w < windows.length;) {
    // Up to `batch` windows of one length run together (only the last window can be shorter).
    const len = windows[w]!.length;
    const group: typeof windows = [];
    while (group.length < batch && w < windows.length && windows[w]!.length === len)
      group.push(windows[w++]!);
    const inputIds = group.map((x) => Array.from({ length: len }, (_, i) => tokens[x.start + i]!));
    const { logits } = await model.run({
      inputIds,
      attentionMask: inputIds.map((r) => r.map(() => 1)),
      positionIds: inputIds.map((r) => r.map((_, i) => i)),
    });
    const data = logits.data as Float32Array;
    group.forEach((x, b) => {
      for (let i = x.from; i < len; i++) {
        const row = data.subarray((b * len + i) * V, (b * len + i + 1) * V);
        let max = -Infinity;
        for (let t = 0; t < V; t++) max = Math.max(max, row[t]!);
        let sum = 0;
        for (let t = 0; t < V; t++) sum += Math.exp(row[t]! - max);
        nll -= row[tokens[x.start + i + 1]!]! - max - Math.log(sum);
        scored++;
      }
    });
    onProgress?.(w, windows.length);
  }
  if (scored !== tokens.length - 1)
    throw new Error(`scored ${scored} of ${tokens.length - 1} tokens`);
  return { perplexity: Math.exp(nll / scored), tokens: scored };
}
