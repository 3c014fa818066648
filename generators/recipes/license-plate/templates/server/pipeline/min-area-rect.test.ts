import { describe, expect, it } from 'vitest';
import { convexHull, minAreaRect, rectCorners } from './min-area-rect.js';

describe('minAreaRect', () => {
  it('finds a rotated rectangle from its corners and inner points', () => {
    const rect = { cx: 50, cy: 40, width: 60, height: 12, angle: 0.3 };
    const pts = [...rectCorners(rect), { x: 50, y: 40 }, { x: 55, y: 42 }];
    const found = minAreaRect(pts);
    expect(found.cx).toBeCloseTo(50);
    expect(found.cy).toBeCloseTo(40);
    expect(found.width).toBeCloseTo(60);
    expect(found.height).toBeCloseTo(12);
    expect(found.angle).toBeCloseTo(0.3);
  });

  it('reads a tall narrow shape as a near-horizontal box, not a vertical line', () => {
    const found = minAreaRect(rectCorners({ cx: 0, cy: 0, width: 10, height: 40, angle: 0.1 }));
    expect(Math.abs(found.angle)).toBeLessThanOrEqual(Math.PI / 4);
    expect(found.width).toBeCloseTo(10);
    expect(found.height).toBeCloseTo(40);
  });

  it('hull drops inner points', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 2, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
    ]);
    expect(hull).toHaveLength(4);
  });
});
