import { describe, expect, it } from 'vitest';
import type { Tensor } from '../types.js';
import { batchKey, stack, unstack } from './stacking.js';

const t = (shape: number[], data: number[]): Tensor => ({
  datatype: 'FP32',
  shape,
  data: new Float32Array(data),
});

describe('batchKey', () => {
  it('matches requests that differ only in dim 0', () => {
    const a = batchKey({ x: t([1, 2], [1, 2]) });
    const b = batchKey({ x: t([3, 2], [1, 2, 3, 4, 5, 6]) });
    expect(a?.key).toBe(b?.key);
    expect([a?.rows, b?.rows]).toEqual([1, 3]);
    expect(batchKey({ x: t([1, 3], [1, 2, 3]) })?.key).not.toBe(a?.key);
  });

  it('refuses scalars and inputs that disagree on dim 0', () => {
    expect(batchKey({ x: t([], [1]) })).toBeNull();
    expect(batchKey({ x: t([1, 2], [1, 2]), y: t([2, 1], [1, 2]) })).toBeNull();
  });
});

describe('stack / unstack', () => {
  it('concatenates along dim 0 and splits back', () => {
    const batched = stack([{ x: t([1, 2], [1, 2]) }, { x: t([2, 2], [3, 4, 5, 6]) }], 3);
    expect(batched.x).toEqual(t([3, 2], [1, 2, 3, 4, 5, 6]));
    const [a, b] = unstack({ y: t([3, 1], [10, 20, 30]) }, [1, 2]);
    expect(a!.y).toEqual(t([1, 1], [10]));
    expect(b!.y).toEqual(t([2, 1], [20, 30]));
  });

  it('stacks BYTES and refuses outputs whose dim 0 is not the batch', () => {
    const s = stack(
      [
        { s: { datatype: 'BYTES', shape: [1], data: ['a'] } },
        { s: { datatype: 'BYTES', shape: [1], data: ['b'] } },
      ],
      2,
    );
    expect(s.s!.data).toEqual(['a', 'b']);
    expect(() => unstack({ y: t([1], [1]) }, [1, 1])).toThrow(/dim 0/);
  });
});
