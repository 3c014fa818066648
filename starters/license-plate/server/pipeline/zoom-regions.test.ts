import { describe, expect, it } from 'vitest';
import type { Candidate } from './plate-candidates.js';
import { zoomRegions } from './zoom-regions.js';

const candidate = (cx: number, cy: number, width: number, height: number): Candidate => ({
  box: { cx, cy, width, height, angle: 0, score: 0.9 },
  shapeScore: 0.8,
  atEdge: false,
  down: cy / 960,
});

describe('zoomRegions', () => {
  it('looks again around a small far plate, a whole plate wide', () => {
    const [r] = zoomRegions([candidate(640, 500, 40, 10)], { width: 1280, height: 960 }, 736);
    expect(r).toEqual({ x: 590, y: 480, width: 100, height: 40 });
  });

  it('skips a near plate: the detector would not see it any larger', () => {
    expect(zoomRegions([candidate(320, 240, 200, 50)], { width: 640, height: 480 }, 736)).toEqual([]); // prettier-ignore
  });

  it('skips a window that overlaps one already taken', () => {
    const near = [candidate(640, 500, 40, 10), candidate(650, 502, 30, 10)];
    expect(zoomRegions(near, { width: 1280, height: 960 }, 736)).toHaveLength(1);
  });
});
