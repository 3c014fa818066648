import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { cx } from './format.js';
import { placeLabels } from './label-layout.js';

/** A rectangle in image pixels: `[x1, y1, x2, y2]`, top-left to bottom-right. */
export type Box = [x1: number, y1: number, x2: number, y2: number];

export interface LabelledBox {
  box: Box;
  /** Shown on a tag at the box's corner (plate text, class name, score). */
  label?: ReactNode;
  /** `primary` (the best result) is drawn strongest. */
  tone?: 'primary' | 'secondary';
}

export interface ImageBoxesProps {
  src: string;
  alt: string;
  boxes: LabelledBox[];
  /**
   * Size of the pixel space the boxes are given in. Default: the image's natural size (correct
   * when the server saw the same pixels, EXIF orientation applied, which browsers also apply).
   */
  coordinateSize?: { width: number; height: number };
  /** Dims the image and shows `children` (a spinner) over it while work is in progress. */
  busy?: boolean;
  children?: ReactNode;
}

/** Box position as CSS percentages of the image, clamped inside it. */
export function boxToPercent(
  box: Box,
  size: { width: number; height: number },
): { left: number; top: number; width: number; height: number } {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  const x1 = clamp(Math.min(box[0], box[2]), size.width);
  const x2 = clamp(Math.max(box[0], box[2]), size.width);
  const y1 = clamp(Math.min(box[1], box[3]), size.height);
  const y2 = clamp(Math.max(box[1], box[3]), size.height);
  return {
    left: (x1 / size.width) * 100,
    top: (y1 / size.height) * 100,
    width: ((x2 - x1) / size.width) * 100,
    height: ((y2 - y1) / size.height) * 100,
  };
}

/**
 * An image with labelled rectangles drawn over it. Boxes are placed in percentages of the image,
 * so they stay on their objects at any displayed size (responsive layouts, phone screens).
 * Labels are laid out after every render and resize so that they stay inside the picture and do
 * not cover each other (`placeLabels`; the first box's label gets the best spot). A `src` the
 * browser cannot show is said in words, not drawn as a broken-image icon.
 */
export function ImageBoxes({
  src,
  alt,
  boxes,
  coordinateSize,
  busy = false,
  children,
}: ImageBoxesProps) {
  const [natural, setNatural] = useState<{ src: string; width: number; height: number }>();
  const [failed, setFailed] = useState<string>();
  const overlay = useRef<HTMLDivElement>(null);
  const size = coordinateSize ?? (natural?.src === src ? natural : undefined);
  useLayoutEffect(() => {
    const el = overlay.current;
    if (!el) return;
    layOutLabels(el);
    const observer = new ResizeObserver(() => layOutLabels(el));
    observer.observe(el);
    return () => observer.disconnect();
  });
  if (failed === src) {
    return (
      <figure className="sml-image sml-image--failed">
        <p className="sml-image__failed">{alt}: this file cannot be shown as a picture.</p>
      </figure>
    );
  }
  return (
    <figure className={cx('sml-image', busy && 'sml-image--busy')}>
      <div className="sml-image__frame">
        <img
          className="sml-image__img"
          src={src}
          alt={alt}
          onLoad={(e) =>
            setNatural({
              src,
              width: e.currentTarget.naturalWidth,
              height: e.currentTarget.naturalHeight,
            })
          }
          onError={() => setFailed(src)}
        />
        {size && size.width > 0 && size.height > 0 ? (
          <div className="sml-image__overlay" ref={overlay}>
            {boxes.map(({ box, label, tone = 'secondary' }, i) => {
              const p = boxToPercent(box, size);
              return (
                <div
                  key={i}
                  className={cx(
                    'sml-box',
                    `sml-box--${tone}`,
                    p.top < 12 && 'sml-box--label-below',
                  )}
                  data-testid="image-box"
                  style={{
                    left: `${p.left}%`,
                    top: `${p.top}%`,
                    width: `${p.width}%`,
                    height: `${p.height}%`,
                  }}
                >
                  {label !== undefined ? <span className="sml-box__label">{label}</span> : null}
                </div>
              );
            })}
          </div>
        ) : null}
        {busy ? <div className="sml-image__busy">{children}</div> : null}
      </div>
    </figure>
  );
}

/** Moves the labels inside `overlay` to where `placeLabels` puts them (px, relative to their box). */
function layOutLabels(overlay: HTMLElement): void {
  const boxes = [...overlay.querySelectorAll<HTMLElement>(':scope > .sml-box')];
  const labelled = boxes.flatMap((box) => {
    const label = box.querySelector<HTMLElement>(':scope > .sml-box__label');
    return label ? [{ box, label }] : [];
  });
  if (labelled.length === 0) return;
  const rect = (el: HTMLElement) => ({
    x: el.offsetLeft,
    y: el.offsetTop,
    w: el.offsetWidth,
    h: el.offsetHeight,
  });
  const spots = placeLabels(
    labelled.map(({ box }) => rect(box)),
    labelled.map(({ label }) => rect(label)),
    { w: overlay.clientWidth, h: overlay.clientHeight },
  );
  labelled.forEach(({ box, label }, i) => {
    // A label is positioned inside its box's border; spots are in the overlay's pixels.
    label.style.left = `${spots[i]!.x - box.offsetLeft - box.clientLeft}px`;
    label.style.top = `${spots[i]!.y - box.offsetTop - box.clientTop}px`;
    label.style.bottom = 'auto';
  });
}
