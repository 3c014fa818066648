/**
 * Indices of the k largest `scores`, best first, skipping `exclude` (e.g. movies already rated).
 * Keeps a sorted list of k: O(n·k) worst case, O(n) in practice — fine for k ≤ 100.
 */
export function topK(
  scores: ArrayLike<number>,
  k: number,
  exclude?: { has(i: number): boolean },
): number[] {
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (Number.isNaN(s) || (best.length === k && s <= scores[best[k - 1]!]!)) continue;
    if (exclude?.has(i)) continue;
    let at = best.length;
    while (at > 0 && scores[best[at - 1]!]! < s) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}
