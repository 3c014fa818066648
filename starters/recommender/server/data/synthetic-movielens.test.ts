import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMl100k, loadMl100kFold } from './movielens-100k.js';
import {
  ML100K_STAR_SHARES,
  syntheticMovieLens,
  writeMl100kFolder,
} from './synthetic-movielens.js';

describe('synthetic MovieLens-like data', () => {
  const { data } = syntheticMovieLens({ nUsers: 200, nItems: 300, nRatings: 12_000, seed: 3 });

  it('has the requested size, whole stars 1..5 and at least 20 ratings per user', () => {
    expect(data.ratings.length).toBe(12_000);
    expect(
      Array.from(data.ratings.value).every((v) => Number.isInteger(v) && v >= 1 && v <= 5),
    ).toBe(true);
    const perUser = new Int32Array(200);
    for (const u of data.ratings.user) perUser[u] = perUser[u]! + 1;
    expect(Math.min(...perUser)).toBeGreaterThanOrEqual(20);
  });

  it("has ml-100k's shares of 1…5 stars, so its mean is 3.53", () => {
    const count = [0, 0, 0, 0, 0];
    for (const v of data.ratings.value) count[v - 1]!++;
    count.forEach((c, s) => expect(c / 12_000).toBeCloseTo(ML100K_STAR_SHARES[s]!, 3));
    const mean = data.ratings.value.reduce((a, b) => a + b, 0) / 12_000;
    expect(mean).toBeCloseTo(3.53, 2);
  });

  it('has skewed popularity: the top tenth of items gets a large share of the ratings', () => {
    const perItem = new Int32Array(300);
    for (const i of data.ratings.item) perItem[i] = perItem[i]! + 1;
    const sorted = Array.from(perItem).sort((a, b) => b - a);
    const top = sorted.slice(0, 30).reduce((a, b) => a + b, 0);
    expect(top / 12_000).toBeGreaterThan(0.25);
  });

  it('round-trips through the ml-100k layout with five disjoint 20 % test folds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synthetic-'));
    try {
      await writeMl100kFolder(dir, data);
      const all = await loadMl100k(dir);
      expect(all.ratings.length).toBe(12_000);
      expect(all.skipped).toEqual([]);
      expect(all.items[0]!.genres).toEqual(data.items[0]!.genres);
      let tested = 0;
      for (const fold of [1, 2, 3, 4, 5] as const) {
        const { train, test } = await loadMl100kFold(dir, fold);
        expect(train.ratings.length + test.length).toBe(12_000);
        tested += test.length;
      }
      expect(tested).toBe(12_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
