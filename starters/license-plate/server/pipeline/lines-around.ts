import type { RotatedBox } from './types.js';

/**
 * Text lines stacked on the same plate as `box`: above or below it, within `reach` of its text
 * heights, centred under it and smaller. A US plate's state name and slogan (a Brazilian plate's
 * "BRASIL" band or town) show up this way; a one-line EU plate has none. The detector pads its
 * boxes, so a state name printed close above a big serial may overlap the serial's box by a third
 * of its own height and still be a line of its own.
 */
export function linesAround(box: RotatedBox, boxes: RotatedBox[], reach = 2.2): RotatedBox[] {
  return boxes.filter((b) => {
    if (b === box || b.height >= box.height * 0.95 || b.width < box.height) return false;
    const dx = Math.abs(b.cx - box.cx);
    const dy = Math.abs(b.cy - box.cy);
    return (
      dx < box.width * 0.45 &&
      dy > (box.height + b.height) * 0.3 &&
      dy < box.height * reach &&
      b.width < box.width * 2
    );
  });
}
