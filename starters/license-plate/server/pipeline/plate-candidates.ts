import { linesAround } from './lines-around.js';
import { minAreaRect, rectCorners } from './min-area-rect.js';
import type { Point, RotatedBox } from './types.js';

/** A region that may hold a plate's text, in photo pixels, with how plate-like its shape is (0..1). */
export interface Candidate {
  box: RotatedBox;
  shapeScore: number;
  /** The box reaches the photo's edge, so the plate may be cut off. */
  atEdge: boolean;
  /** How far down the photo the box's centre is: 0 at the top edge, 1 at the bottom. */
  down: number;
}

/** Map det-map boxes to photo pixels (the two axes may be scaled differently). */
export function toPhotoBoxes(boxes: RotatedBox[], scaleX: number, scaleY: number): RotatedBox[] {
  return boxes.map((b) => {
    const corners = rectCorners(b).map((p) => ({ x: p.x * scaleX, y: p.y * scaleY }));
    return { ...minAreaRect(corners), score: b.score };
  });
}

/** True when `b` continues the text line of `a` to its right (same height, angle and baseline). */
export function continuesLine(a: RotatedBox, b: RotatedBox): boolean {
  const h = (a.height + b.height) / 2;
  if (Math.max(a.height, b.height) > 1.45 * Math.min(a.height, b.height)) return false;
  const ux = Math.cos(a.angle), uy = Math.sin(a.angle); // prettier-ignore
  const dx = b.cx - a.cx, dy = b.cy - a.cy; // prettier-ignore
  const along = dx * ux + dy * uy; // distance along a's text direction
  const across = -dx * uy + dy * ux; // distance perpendicular to it
  const gap = along - a.width / 2 - b.width / 2;
  return along > 0 && Math.abs(across) < 0.35 * h && gap < 1.0 * h && gap > -0.5 * h;
}

/** Merge boxes into one rectangle around all their corners. */
export function mergeBoxes(boxes: RotatedBox[]): RotatedBox {
  const corners: Point[] = boxes.flatMap((b) => rectCorners(b));
  const score =
    boxes.reduce((s, b) => s + b.score * b.width, 0) / boxes.reduce((s, b) => s + b.width, 0);
  return { ...minAreaRect(corners), score };
}

/**
 * Plates often come out of the detector in pieces ("AB 123" and "CD", or the EU country band and
 * the text). Besides every single box, offer each run of up to `maxParts` boxes on one line.
 */
export function lineRuns(boxes: RotatedBox[], maxParts = 3): RotatedBox[] {
  const sorted = [...boxes].sort((a, b) => a.cx - b.cx);
  const out: RotatedBox[] = [];
  const extend = (run: RotatedBox[]) => {
    if (run.length > 1) out.push(mergeBoxes(run));
    if (run.length === maxParts) return;
    const last = run.at(-1)!;
    for (const b of sorted) if (continuesLine(last, b)) extend([...run, b]);
  };
  for (const b of sorted) extend([b]);
  return out;
}

/**
 * How plate-like a text box looks, 0..1, from its shape alone: a serial's text is 2–5 times as
 * wide as it is tall (the serial line of a two-line US or Brazilian plate about 2–3:1, a one-line
 * EU plate 4–5:1; all equally likely), a few pixels to a third of the photo high, not tilted much.
 */
export function shapeScore(box: RotatedBox, photoHeight: number): number {
  const aspect = box.width / box.height;
  if (aspect > 9) return 0; // a long line of text, not one plate
  const off = aspect < 2 ? Math.log(aspect / 2) : aspect > 5 ? Math.log(aspect / 5) : 0; // log units outside 2–5
  const aspectScore = Math.exp(-((off / 0.5) ** 2));
  const rel = box.height / photoHeight;
  const sizeScore = box.height < 10 ? box.height / 10 : rel > 0.35 ? 0.35 / rel : 1;
  const tiltScore = Math.cos(box.angle) ** 4;
  return aspectScore * sizeScore * tiltScore * Math.min(1, box.score / 0.7);
}

/** True when any corner of the box lies within `margin` pixels of the photo's border. */
function touchesEdge(box: RotatedBox, width: number, height: number, margin = 2): boolean {
  return rectCorners(box).some(
    (p) => p.x < margin || p.y < margin || p.x > width - margin || p.y > height - margin,
  );
}

/** How much less plate-like a line is when it is the small print stacked on a much larger line. */
const SMALL_PRINT = 0.5;

/**
 * Lines stacked on a line at least 1.6× taller (`linesAround` it): a plate's state name, slogan or
 * dealer frame next to its serial. They are read as clues around the serial, not as the serial.
 */
function smallPrint(boxes: RotatedBox[]): Set<RotatedBox> {
  const out = new Set<RotatedBox>();
  for (const big of boxes) {
    for (const b of linesAround(big, boxes)) if (big.height >= 1.6 * b.height) out.add(b);
  }
  return out;
}

/** Step 3 — the `limit` most plate-like regions (single boxes and merged runs), best first. */
export function plateCandidates(
  boxes: RotatedBox[],
  photo: { width: number; height: number },
  limit = 4,
): Candidate[] {
  const print = smallPrint(boxes);
  const all = [...boxes, ...lineRuns(boxes)]
    .map((box) => ({
      box,
      shapeScore: shapeScore(box, photo.height) * (print.has(box) ? SMALL_PRINT : 1),
      atEdge: touchesEdge(box, photo.width, photo.height),
      down: box.cy / photo.height,
    }))
    .sort((a, b) => b.shapeScore - a.shapeScore);
  // Each crop costs a recognition slot; read only regions nearly as plate-like as the best.
  const floor = Math.max(0.05, (all[0]?.shapeScore ?? 0) * 0.25);
  return all.filter((c) => c.shapeScore >= floor).slice(0, limit);
}
