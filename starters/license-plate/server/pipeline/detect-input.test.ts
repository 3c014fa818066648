import { describe, expect, it } from 'vitest';
import { toDetectInput } from './detect-input.js';
import type { RgbImage } from './types.js';

function solid(width: number, height: number, rgb: [number, number, number]): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3);
  return { data, width, height };
}

describe('toDetectInput', () => {
  it('makes an NCHW tensor with sides that are multiples of 32, capped at maxSide', async () => {
    const { tensor, scaleX, scaleY } = await toDetectInput(solid(1000, 500, [0, 0, 0]), 640);
    expect(tensor.datatype).toBe('FP32');
    expect(tensor.shape).toEqual([1, 3, 320, 640]);
    expect(scaleX).toBeCloseTo(1000 / 640);
    expect(scaleY).toBeCloseTo(500 / 320);
  });

  it('keeps a small photo near its own size (never below 32)', async () => {
    const { tensor } = await toDetectInput(solid(100, 20, [0, 0, 0]));
    expect(tensor.shape).toEqual([1, 3, 32, 96]);
  });

  it('enlarges a small image towards maxSide, by at most maxEnlarge', async () => {
    expect((await toDetectInput(solid(96, 48, [0, 0, 0]), 640, 4)).tensor.shape).toEqual([1, 3, 192, 384]); // prettier-ignore
    expect((await toDetectInput(solid(200, 100, [0, 0, 0]), 640, 4)).tensor.shape).toEqual([1, 3, 320, 640]); // prettier-ignore
  });

  it('normalises with ImageNet mean/std in BGR channel order', async () => {
    const { tensor } = await toDetectInput(solid(64, 64, [255, 0, 0]), 64);
    const data = tensor.data as Float32Array;
    const plane = 64 * 64;
    // Channel 0 is blue (0): (0 − 0.485) / 0.229; channel 2 is red (255): (1 − 0.406) / 0.225.
    expect(data[0]).toBeCloseTo(-0.485 / 0.229, 3);
    expect(data[plane]).toBeCloseTo(-0.456 / 0.224, 3);
    expect(data[2 * plane]).toBeCloseTo((1 - 0.406) / 0.225, 3);
  });
});
