import { describe, expect, it } from 'vitest';
import { ctcDecode, PLATE_CHARS } from './ctc-decode.js';

// A tiny dictionary: class 1 = 'A', 2 = 'B', 3 = '7', 4 = '京' (not a plate character), 5 = ' '.
const dictionary = [...PLATE_CHARS, '京', ' '];
const cls = (ch: string) => dictionary.indexOf(ch) + 1;

/** [1, T, C] probabilities where each step puts `p` on one class and the rest on the blank. */
function steps(seq: [ch: string | null, p: number][]) {
  const C = dictionary.length + 1;
  const data = new Float32Array(seq.length * C);
  seq.forEach(([ch, p], t) => {
    if (ch === null) data[t * C] = 1;
    else {
      data[t * C + cls(ch)] = p;
      data[t * C] = 1 - p;
    }
  });
  return { datatype: 'FP32' as const, shape: [1, seq.length, C], data };
}

describe('ctcDecode', () => {
  it('merges repeats and drops blanks', () => {
    const [d] = ctcDecode(
      steps([
        ['A', 0.9],
        ['A', 0.95],
        [null, 1],
        ['A', 0.8],
        ['7', 0.9],
        ['7', 0.9],
        [null, 1],
      ]),
      dictionary,
    );
    expect(d!.text).toBe('AA7');
    expect(d!.charProbs[0]).toBeCloseTo(0.95);
    expect(d!.charDists).toHaveLength(3);
  });

  it('ignores classes that cannot be on a plate', () => {
    // '京' wins the step unmasked (0.8), but among plate characters + blank the blank wins.
    const [d] = ctcDecode(
      steps([
        ['B', 0.9],
        ['京', 0.8],
        ['B', 0.9],
      ]),
      dictionary,
    );
    expect(d!.text).toBe('BB');
  });

  it('renormalises probabilities over the allowed classes', () => {
    const C = dictionary.length + 1;
    const data = new Float32Array(C);
    data[cls('京')] = 0.6;
    data[cls('A')] = 0.3;
    data[0] = 0.1;
    const [d] = ctcDecode({ datatype: 'FP32', shape: [1, 1, C], data }, dictionary);
    expect(d!.text).toBe('A');
    expect(d!.charProbs[0]).toBeCloseTo(0.75);
  });

  it('decodes each crop of a batch', () => {
    const a = steps([['A', 0.9]]);
    const b = steps([['7', 0.9]]);
    const data = new Float32Array([...a.data, ...b.data]);
    const out = ctcDecode({ datatype: 'FP32', shape: [2, 1, a.shape[2]!], data }, dictionary);
    expect(out.map((d) => d.text)).toEqual(['A', '7']);
  });
});
