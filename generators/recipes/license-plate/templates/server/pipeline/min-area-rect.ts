import type { Point } from './types.js';

/** A rectangle of any orientation: centre, side lengths and the direction of the `width` side. */
export interface Rect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  /** Radians, direction of the `width` side. */
  angle: number;
}

/** Convex hull of a point set (Andrew's monotone chain), counter-clockwise, no duplicates. */
export function convexHull(points: Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point) =>
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of pts.reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/**
 * Smallest-area rectangle around the points (rotating calipers: the best rectangle has one side on
 * a hull edge). The result is turned to its most horizontal reading (see `normaliseRect`).
 */
export function minAreaRect(points: Point[]): Rect {
  const hull = convexHull(points);
  if (hull.length === 0) return { cx: 0, cy: 0, width: 0, height: 0, angle: 0 };
  let best: Rect | undefined;
  let bestArea = Infinity;
  for (let i = 0; i < Math.max(1, hull.length); i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity; // prettier-ignore
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const mu = (minU + maxU) / 2;
      const mv = (minV + maxV) / 2;
      best = {
        cx: mu * ux - mv * uy,
        cy: mu * uy + mv * ux,
        width: maxU - minU,
        height: maxV - minV,
        angle: Math.atan2(uy, ux),
      };
    }
  }
  return normaliseRect(best!);
}

/**
 * Pick the side closest to horizontal as `width` (angle within (−π/4, π/4]): photographed plates
 * are rarely turned more than 45°, and a single tall character must not become a vertical line.
 */
export function normaliseRect(r: Rect): Rect {
  let { width, height, angle } = r;
  while (angle > Math.PI / 4) {
    angle -= Math.PI / 2;
    [width, height] = [height, width];
  }
  while (angle <= -Math.PI / 4) {
    angle += Math.PI / 2;
    [width, height] = [height, width];
  }
  return { cx: r.cx, cy: r.cy, width, height, angle };
}

/** The four corners of a rectangle: top-left, top-right, bottom-right, bottom-left (text order). */
export function rectCorners(r: Rect): [Point, Point, Point, Point] {
  const ux = Math.cos(r.angle), uy = Math.sin(r.angle); // prettier-ignore
  const hw = r.width / 2, hh = r.height / 2; // prettier-ignore
  const at = (u: number, v: number): Point => ({
    x: r.cx + u * ux - v * uy,
    y: r.cy + u * uy + v * ux,
  });
  return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}
