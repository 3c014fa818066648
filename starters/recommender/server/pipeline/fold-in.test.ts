import { describe, expect, it } from 'vitest';
import { smallTrainedModel } from './__tests__/small-model.js';
import { foldIn, type UserRating } from './fold-in.js';
import { scoreItems } from './score-items.js';
import { solveSpd } from './solve-spd.js';

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0,
    mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('foldIn', () => {
  const { data, truth, model, trained } = smallTrainedModel();
  const rank = truth.userVectors.length / data.users.length;
  /** The hidden taste q_i·p_u of user u for every item. */
  const trueTaste = (u: number) =>
    Float64Array.from({ length: data.items.length }, (_, i) => {
      let s = 0;
      for (let d = 0; d < rank; d++)
        s += truth.itemVectors[i * rank + d]! * truth.userVectors[u * rank + d]!;
      return s;
    });
  const ratingsOf = (u: number): UserRating[] => {
    const out: UserRating[] = [];
    for (let r = 0; r < data.ratings.length; r++)
      if (data.ratings.user[r] === u)
        out.push({ item: data.ratings.item[r]!, value: data.ratings.value[r]! });
    return out;
  };

  it("recovers a user's hidden taste from their ratings alone", () => {
    const users = [0, 1, 2, 3, 4, 5, 6, 7];
    // Taste only: remove what every user shares (item bias), compare with the true q·p.
    const folded = users.map((u) =>
      scoreItems(model, foldIn(model, ratingsOf(u))).map((s, i) => s - model.itemBias[i]!),
    );
    const own = users.map((u, n) => correlation(folded[n]!, trueTaste(u)));
    // Control: the same folded-in user against someone else's taste.
    const other = users.map((u, n) => correlation(folded[n]!, trueTaste((u + 1) % users.length)));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(own)).toBeGreaterThan(0.3);
    expect(mean(own) - mean(other)).toBeGreaterThan(0.25);
  });

  it('lands where training put the same user', () => {
    const k = model.factors;
    for (const u of [0, 1, 2]) {
      const folded = scoreItems(model, foldIn(model, ratingsOf(u)));
      const trainedScores = scoreItems(model, {
        vector: trained.userVectors.subarray(u * k, (u + 1) * k),
        bias: trained.userBias[u]!,
      });
      expect(correlation(folded, trainedScores)).toBeGreaterThan(0.95);
    }
  });

  it('gives a high-rating user a positive bias and a low-rating one a negative bias', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect(
      foldIn(
        model,
        items.map((item) => ({ item, value: 5 })),
      ).bias,
    ).toBeGreaterThan(0.3);
    expect(
      foldIn(
        model,
        items.map((item) => ({ item, value: 1 })),
      ).bias,
    ).toBeLessThan(-0.3);
  });

  it('folds in 10,000 ratings (repeats keep the last) the same as their distinct items', () => {
    const many: UserRating[] = Array.from({ length: 10_000 }, (_, n) => ({
      item: n % data.items.length,
      value: 1 + (n % 5),
    }));
    const last = new Map(many.map((r) => [r.item, r.value]));
    const distinct = [...last].map(([item, value]) => ({ item, value }));
    const a = foldIn(model, many);
    const b = foldIn(model, distinct);
    expect(Array.from(a.vector)).toEqual(Array.from(b.vector));
    expect(a.bias).toBe(b.bias);
  });

  it('returns the zero user for no ratings', () => {
    const user = foldIn(model, []);
    expect(user.bias).toBe(0);
    expect(Array.from(user.vector).every((x) => x === 0)).toBe(true);
  });
});

describe('solveSpd', () => {
  it('solves a symmetric positive-definite system', () => {
    // A = [[4,2],[2,3]], x = [1,-2] → b = [0,-4]
    const x = solveSpd(Float64Array.of(4, 2, 2, 3), Float64Array.of(0, -4), 2);
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(-2, 12);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => solveSpd(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2)).toThrow(
      /positive definite/,
    );
  });
});
