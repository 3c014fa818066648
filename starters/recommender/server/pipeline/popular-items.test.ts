import { describe, expect, it } from 'vitest';
import { randomModel } from './__tests__/random-model.js';
import { popularItems } from './popular-items.js';

describe('popularItems', () => {
  it('does not put a movie with one 5-star rating above well-loved, much-rated ones', () => {
    const model = randomModel(4, 2);
    model.globalMean = 3.5;
    model.ratingCount.set([1, 300, 40, 0]);
    model.ratingMean.set([5, 4.3, 4.5, 3.5]);
    const ranked = popularItems(model, 4).map((p) => p.item);
    expect(ranked).toEqual([1, 2, 0]); // never-rated item 3 is left out
  });

  it('ranks by mean rating when counts are equal', () => {
    const model = randomModel(3, 2);
    model.ratingCount.set([50, 50, 50]);
    model.ratingMean.set([3, 4, 2]);
    expect(popularItems(model, 2).map((p) => p.item)).toEqual([1, 0]);
  });
});
