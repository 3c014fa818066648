/** A rectangle on screen, CSS pixels: left, top, width, height. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Space between a box and its label, and between stacked labels, px. */
const GAP = 4;

/**
 * Where to put each box's label so that labels stay inside the picture and do not cover one
 * another, nor (where they can avoid it) the boxes. Labels are placed in order — pass the best
 * result first, it gets the best spot: above its box, else below, else inside its top edge, moved
 * sideways or stacked next to labels already placed. A label wider than the picture starts at
 * its left edge. `boxes[i]` and `labels[i]` (only `w`, `h` are read) belong together; `frame` is
 * the picture's size. Answers the top-left corner of each label, in the same pixels.
 */
export function placeLabels(
  boxes: Rect[],
  labels: { w: number; h: number }[],
  frame: { w: number; h: number },
): { x: number; y: number }[] {
  const placed: Rect[] = [];
  return labels.map(({ w, h }, i) => {
    const box = boxes[i]!;
    const clampX = (x: number) => Math.max(0, Math.min(x, frame.w - w));
    const clampY = (y: number) => Math.max(0, Math.min(y, frame.h - h));
    const preferred = { x: clampX(box.x - 3), y: clampY(box.y - GAP - h) };
    const xs = [
      box.x - 3,
      box.x + box.w - w,
      ...placed.flatMap((p) => [p.x + p.w + GAP, p.x - GAP - w]),
    ];
    const ys = [
      box.y - GAP - h,
      box.y + box.h + GAP,
      box.y + GAP,
      ...placed.flatMap((p) => [p.y - GAP - h, p.y + p.h + GAP]),
    ];
    let best = preferred;
    let bestCost = Infinity;
    for (const y0 of ys) {
      for (const x0 of xs) {
        const spot = { x: clampX(x0), y: clampY(y0), w, h };
        const cost =
          1000 * sum(placed, (p) => overlap(spot, p)) +
          10 * sum(boxes, (b) => overlap(spot, b)) +
          Math.abs(spot.x - preferred.x) +
          Math.abs(spot.y - preferred.y);
        if (cost < bestCost) {
          bestCost = cost;
          best = { x: spot.x, y: spot.y };
        }
      }
    }
    placed.push({ ...best, w, h });
    return best;
  });
}

/** Area two rectangles share, px². */
export function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function sum<T>(items: T[], f: (item: T) => number): number {
  return items.reduce((total, item) => total + f(item), 0);
}
