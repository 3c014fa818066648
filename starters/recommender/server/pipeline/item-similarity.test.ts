import { describe, expect, it } from 'vitest';
import { randomModel } from './__tests__/random-model.js';
import { explain } from './explain.js';
import { itemMap } from './item-map.js';
import { similarItems, unitItemVectors } from './item-similarity.js';

/** Items 0-4 point one way, 5-9 another; item 10 is a zero vector. */
function twoClusters() {
  const model = randomModel(11, 3);
  const v = model.itemVectors;
  v.fill(0);
  for (let i = 0; i < 5; i++) v.set([1 + i * 0.1, 0.1 * i, 0], i * 3);
  for (let i = 5; i < 10; i++) v.set([0, 0.1 * i, 2 + 0.1 * i], i * 3);
  model.ratingCount.fill(100);
  return model;
}

describe('item similarity', () => {
  it('finds neighbours in the same cluster first', () => {
    const model = twoClusters();
    const similar = similarItems(model, unitItemVectors(model), 0, 4);
    expect(similar.map((s) => s.item).sort()).toEqual([1, 2, 3, 4]);
    expect(similar[0]!.similarity).toBeGreaterThan(0.99);
  });

  it('leaves out rarely rated items', () => {
    const model = twoClusters();
    model.ratingCount[1] = 2;
    expect(similarItems(model, unitItemVectors(model), 0, 4).map((s) => s.item)).not.toContain(1);
  });

  it('explains a recommendation by the most similar liked item', () => {
    const model = twoClusters();
    const reasons = explain(
      model,
      unitItemVectors(model),
      [1, 6],
      [
        { item: 0, value: 5 },
        { item: 5, value: 4 },
        { item: 7, value: 2 }, // disliked: never a reason
      ],
    );
    expect(reasons.map((r) => r!.likedItem)).toEqual([0, 5]);
  });

  it('gives no reason when no liked item is similar enough', () => {
    const model = twoClusters();
    // Item 6 (second cluster) against a liked item of the first: nearly orthogonal.
    expect(explain(model, unitItemVectors(model), [6], [{ item: 0, value: 5 }])).toEqual([null]);
  });
});

describe('itemMap (PCA)', () => {
  it('puts the direction of greatest spread on the first axis', () => {
    const model = randomModel(200, 5);
    // Items spread ten times more along (1, 1, 0, 0, 0) than along anything else.
    for (let i = 0; i < 200; i++) {
      const t = (i - 100) / 10;
      const row = model.itemVectors.subarray(i * 5, i * 5 + 5);
      for (let d = 0; d < 5; d++) row[d] = row[d]! * 0.1 + (d < 2 ? t : 0);
    }
    const { points, explained } = itemMap(model);
    expect(explained[0]).toBeGreaterThan(0.95);
    expect(explained[1]).toBeLessThan(explained[0]);
    // Along the line: first coordinate follows t (up to sign), second stays small.
    expect(Math.abs(points[0]! - points[199 * 2]!)).toBeGreaterThan(20);
    expect(Math.abs(points[1]!)).toBeLessThan(2);
  });
});
