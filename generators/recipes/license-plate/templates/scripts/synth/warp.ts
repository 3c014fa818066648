/** 3×3 homography (row-major) mapping source points to destination points. */
export type Homography = number[];

/** Solve the homography taking the 4 `src` points to the 4 `dst` points (Gaussian elimination). */
export function homography(src: [number, number][], dst: [number, number][]): Homography {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i]!;
    const [u, v] = dst[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return [...Array.from({ length: 8 }, (_, i) => a[i]![8]! / a[i]![i]!), 1];
}

export function apply(h: Homography, x: number, y: number): [number, number] {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** Invert a 3×3 matrix (adjugate / determinant). */
export function invert(m: Homography): Homography {
  const [a, b, c, d, e, f, g, h, i] = m as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g; // prettier-ignore
  const det = a * A + b * B + c * C;
  return [
    A,
    -(b * i - c * h),
    b * f - c * e,
    B,
    a * i - c * g,
    -(a * f - c * d),
    C,
    -(a * h - b * g),
    a * e - b * d,
  ].map((v) => v / det);
}

/**
 * Paint an RGBA `src` image into an RGB `dst` buffer through the homography `h` (src → dst),
 * sampling bilinearly and blending by the source alpha.
 */
export function warpInto(
  dst: { data: Uint8Array; width: number; height: number },
  src: { data: Uint8Array; width: number; height: number },
  h: Homography,
): void {
  const inv = invert(h);
  const corners = [
    apply(h, 0, 0),
    apply(h, src.width, 0),
    apply(h, src.width, src.height),
    apply(h, 0, src.height),
  ];
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[0]))));
  const x1 = Math.min(dst.width - 1, Math.ceil(Math.max(...corners.map((p) => p[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[1]))));
  const y1 = Math.min(dst.height - 1, Math.ceil(Math.max(...corners.map((p) => p[1]))));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const [sx, sy] = apply(inv, x + 0.5, y + 0.5);
      const fx = sx - 0.5, fy = sy - 0.5; // prettier-ignore
      if (fx < -0.5 || fy < -0.5 || fx > src.width - 0.5 || fy > src.height - 0.5) continue;
      const ix = Math.floor(fx), iy = Math.floor(fy); // prettier-ignore
      const tx = fx - ix, ty = fy - iy; // prettier-ignore
      const px = [0, 0, 0, 0];
      for (const [dx, dy, wgt] of [
        [0, 0, (1 - tx) * (1 - ty)],
        [1, 0, tx * (1 - ty)],
        [0, 1, (1 - tx) * ty],
        [1, 1, tx * ty],
      ] as const) {
        const cx = Math.min(src.width - 1, Math.max(0, ix + dx));
        const cy = Math.min(src.height - 1, Math.max(0, iy + dy));
        const s = (cy * src.width + cx) * 4;
        for (let c = 0; c < 4; c++) px[c]! += src.data[s + c]! * wgt;
      }
      const alpha = px[3]! / 255;
      const d = (y * dst.width + x) * 3;
      for (let c = 0; c < 3; c++)
        dst.data[d + c] = Math.round(dst.data[d + c]! * (1 - alpha) + px[c]! * alpha);
    }
  }
}
