import { describe, expect, it } from 'vitest';
import { fromHalf, toHalf, toTypedArray } from './datatypes.js';

describe('half floats', () => {
  it('round-trips representable values exactly', () => {
    for (const v of [0, 1, -2, 0.5, 65504, -65504, 2 ** -14, 2 ** -24, 1.5, 3.140625]) {
      expect(fromHalf(toHalf(v))).toBe(v);
    }
  });

  it('rounds to the nearest half and saturates to infinity', () => {
    expect(fromHalf(toHalf(0.1))).toBeCloseTo(0.1, 3);
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
    expect(fromHalf(toHalf(-1e6))).toBe(-Infinity);
    expect(Number.isNaN(fromHalf(toHalf(NaN)))).toBe(true);
    expect(fromHalf(toHalf(1e-10))).toBe(0);
    expect(toHalf(1)).toBe(0x3c00);
  });
});

describe('toTypedArray', () => {
  it('keeps arrays of the right kind and converts plain arrays', () => {
    const f = new Float32Array([1, 2]);
    expect(toTypedArray('FP32', f)).toBe(f);
    expect(toTypedArray('INT64', [1, 2])).toEqual(new BigInt64Array([1n, 2n]));
    expect(toTypedArray('BOOL', [true, false])).toEqual(new Uint8Array([1, 0]));
    expect(toTypedArray('FP16', [1])).toEqual(new Uint16Array([0x3c00]));
  });
});
