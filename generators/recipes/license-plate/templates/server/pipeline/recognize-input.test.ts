import { describe, expect, it } from 'vitest';
import { toRecognizeInput } from './recognize-input.js';
import type { RgbImage } from './types.js';

const crop = (width: number, rgb: [number, number, number]): RgbImage => {
  const data = new Uint8Array(width * 48 * 3);
  for (let i = 0; i < width * 48; i++) data.set(rgb, i * 3);
  return { data, width, height: 48 };
};

describe('toRecognizeInput', () => {
  it('stacks crops into one [N, 3, 48, W] batch padded to the widest (multiple of 8)', () => {
    const t = toRecognizeInput([crop(100, [255, 255, 255]), crop(203, [0, 0, 0])]);
    expect(t.shape).toEqual([2, 3, 48, 208]);
    const data = t.data as Float32Array;
    const plane = 48 * 208;
    expect(data[0]).toBe(1); // white → 1
    expect(data[99]).toBe(1);
    expect(data[100]).toBe(0); // padding → 0 (mid-grey)
    expect(data[3 * plane]).toBe(-1); // black → −1, second crop
  });

  it('puts channels in BGR order', () => {
    const data = toRecognizeInput([crop(8, [255, 0, 0])]).data as Float32Array;
    expect(data[0]).toBe(-1); // blue plane
    expect(data[2 * 48 * 8]).toBe(1); // red plane
  });

  it('rejects crops of the wrong height', () => {
    expect(() => toRecognizeInput([{ data: new Uint8Array(30), width: 10, height: 1 }])).toThrow(
      /48/,
    );
  });
});
