import { describe, expect, it } from 'vitest';
import { PLATE_CHARS } from './ctc-decode.js';
import { recognizeCrops, widthGroups } from './recognize-batches.js';
import type { PlateModels, RgbImage, Tensor } from './types.js';

describe('widthGroups', () => {
  it('keeps crops of similar width in one batch', () => {
    expect(widthGroups([150, 160, 144])).toEqual([[2, 0, 1]]);
  });

  it('reads a wide slogan apart from the narrow serials', () => {
    // Together: 4 × 384 = 1536 columns; apart: 3 × 160 + 384 + one more call.
    expect(widthGroups([384, 150, 160, 144])).toEqual([[3, 1, 2], [0]]);
  });

  it('batches everything at once when another call costs more than the padding', () => {
    expect(widthGroups([200, 176], 64)).toEqual([[1, 0]]);
    expect(widthGroups([200, 176], 0)).toEqual([[1], [0]]);
    expect(widthGroups([])).toEqual([]);
  });
});

describe('recognizeCrops', () => {
  it('returns the readings in the order of the crops, whatever the batches', async () => {
    const dictionary = [...PLATE_CHARS];
    // Crop k is grey level k (and 384, 144 or 152 px wide): the fake model reads the grey back.
    const crop = (k: number): RgbImage => {
      const width = [384, 144, 152][k]!;
      return { data: new Uint8Array(width * 48 * 3).fill(k), width, height: 48 };
    };
    const calls: number[][] = [];
    const models: PlateModels = {
      detect: () => Promise.reject(new Error('not used')),
      recognize: (input: Tensor) => {
        const [n = 0, , h = 0, w = 0] = input.shape;
        calls.push([n, w]);
        const classes = dictionary.length + 2;
        const data = new Float32Array(n * classes);
        for (let i = 0; i < n; i++) {
          const grey = Math.round(((input.data as Float32Array)[i * 3 * h * w]! + 1) * 127.5);
          data[i * classes + 1 + grey] = 1; // one step that reads PLATE_CHARS[grey]
        }
        return Promise.resolve({ datatype: 'FP32', shape: [n, 1, classes], data });
      },
    };
    const decoded = await recognizeCrops([0, 1, 2].map(crop), models, dictionary);
    expect(calls).toEqual([
      [2, 152],
      [1, 384],
    ]); // the two narrow crops together, the wide alone
    expect(decoded.map((d) => d.text)).toEqual(['A', 'B', 'C']);
  });
});
