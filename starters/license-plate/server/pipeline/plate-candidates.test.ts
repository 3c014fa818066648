import { describe, expect, it } from 'vitest';
import { continuesLine, lineRuns, plateCandidates, shapeScore } from './plate-candidates.js';
import type { RotatedBox } from './types.js';

const box = (cx: number, cy: number, width: number, height: number, angle = 0): RotatedBox => ({
  cx,
  cy,
  width,
  height,
  angle,
  score: 0.9,
});

describe('plate candidates', () => {
  it('joins the pieces of a plate split by the detector', () => {
    // "AB 123" and "CD" on one line, a gap of half a character between them.
    const left = box(100, 200, 80, 24);
    const right = box(165, 201, 36, 23);
    expect(continuesLine(left, right)).toBe(true);
    const [merged] = lineRuns([right, left]);
    expect(merged!.cx).toBeCloseTo((100 - 40 + 165 + 18) / 2, 0);
    expect(merged!.width).toBeCloseTo(165 + 18 - 60, 0);
    expect(merged!.height).toBeGreaterThanOrEqual(24);
  });

  it('does not join text of another size or on another line', () => {
    expect(continuesLine(box(100, 200, 80, 24), box(170, 200, 30, 50))).toBe(false);
    expect(continuesLine(box(100, 200, 80, 24), box(170, 230, 30, 24))).toBe(false);
    expect(continuesLine(box(100, 200, 80, 24), box(300, 200, 30, 24))).toBe(false);
  });

  it('prefers plate-shaped text over long lines, single characters and tiny print', () => {
    const plate = shapeScore(box(0, 0, 100, 24), 480);
    expect(plate).toBeGreaterThan(0.8);
    expect(shapeScore(box(0, 0, 400, 24), 480)).toBeLessThan(0.1);
    expect(shapeScore(box(0, 0, 24, 24), 480)).toBeLessThan(0.2);
    expect(shapeScore(box(0, 0, 20, 4), 480)).toBeLessThan(plate / 2);
    expect(shapeScore(box(0, 0, 100, 24, 0.6), 480)).toBeLessThan(plate);
  });

  it("scores a two-line plate's serial (2:1) like a one-line plate's text (5:1)", () => {
    expect(shapeScore(box(0, 0, 52, 26), 480)).toBeCloseTo(shapeScore(box(0, 0, 120, 24), 480));
    expect(shapeScore(box(0, 0, 36, 24), 480)).toBeLessThan(shapeScore(box(0, 0, 52, 26), 480));
  });

  it('returns the best candidates first, marking boxes cut by the border', () => {
    const found = plateCandidates(
      [box(20, 200, 44, 30), box(300, 300, 110, 26), box(300, 100, 300, 20)],
      {
        width: 640,
        height: 480,
      },
    );
    expect(found[0]!.box.cx).toBe(300);
    expect(found[0]!.atEdge).toBe(false);
    expect(found.find((c) => c.box.cx === 20)?.atEdge).toBe(true);
  });

  it("ranks a close-up plate's serial above the small print stacked on it", () => {
    // A close-up: the serial 300×86, its state name above and slogan and dealer frame below, each
    // as plate-shaped as the serial, and a sign elsewhere. Four slots: the serial must get one.
    const serial = box(660, 675, 300, 86);
    const print = [box(657, 619, 134, 41), box(668, 723, 143, 29), box(670, 745, 140, 29)];
    const sign = box(775, 147, 141, 30);
    const found = plateCandidates([sign, ...print, serial], { width: 1280, height: 900 });
    expect(found.slice(0, 2).map((c) => c.box)).toContain(serial);
    expect(found.slice(0, 2).map((c) => c.box)).toContain(sign);
    // The same lines without the serial are not small print of anything: they keep their score.
    const alone = plateCandidates([sign, ...print], { width: 1280, height: 900 });
    expect(alone.map((c) => c.shapeScore)).toEqual(
      [sign, ...print].map((b) => shapeScore(b, 900)).sort((a, b) => b - a),
    );
  });
});
