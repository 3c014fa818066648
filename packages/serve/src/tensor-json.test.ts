import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { decodeInput, encodeOutput } from './tensor-json.js';

const input = (datatype: string, data: unknown[], shape = [data.length]) => ({
  name: 't',
  datatype,
  shape,
  data,
});

describe('decodeInput', () => {
  it('converts each datatype to its typed array', () => {
    expect(decodeInput(input('FP32', [1.5, 'NaN'])).data).toEqual(new Float32Array([1.5, NaN]));
    expect(decodeInput(input('UINT8', [0, 255])).data).toEqual(new Uint8Array([0, 255]));
    expect(decodeInput(input('INT64', [-1, '9007199254740993'])).data).toEqual(
      new BigInt64Array([-1n, 9007199254740993n]),
    );
    expect(decodeInput(input('BOOL', [true, 0])).data).toEqual(new Uint8Array([1, 0]));
    expect(decodeInput(input('BYTES', ['a', 'é'])).data).toEqual(['a', 'é']);
    expect(decodeInput(input('FP16', [1])).data).toEqual(new Uint16Array([0x3c00]));
  });

  it('flattens nested data', () => {
    const t = decodeInput({
      name: 'm',
      datatype: 'INT32',
      shape: [2, 2],
      data: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(t.data).toEqual(new Int32Array([1, 2, 3, 4]));
  });

  const bad: [string, unknown, RegExp][] = [
    ['out of range', input('UINT8', [256]), /not a valid UINT8/],
    ['fraction in an int', input('INT32', [1.5]), /not a valid INT32/],
    ['negative unsigned', input('UINT64', [-1]), /not a valid UINT64/],
    ['string in a float', input('FP64', ['1']), /not a valid FP64/],
    ['number in BYTES', input('BYTES', [1]), /not a valid BYTES/],
    ['count mismatch', input('FP32', [1, 2], [3]), /needs 3 elements, got 2/],
    ['bad shape', input('FP32', [1], [1.5]), /shape/],
    ['unknown datatype', input('F32', [1]), /unknown datatype/],
    [
      'data not an array',
      { name: 't', datatype: 'FP32', shape: [1], data: 1 },
      /data must be an array/,
    ],
    ['no name', { datatype: 'FP32', shape: [1], data: [1] }, /name/],
  ];
  it.each(bad)('rejects %s', (_what, raw, message) => {
    expect(() => decodeInput(raw)).toThrow(InvalidInputError);
    expect(() => decodeInput(raw)).toThrow(message);
  });
});

describe('encodeOutput', () => {
  it('writes JSON-friendly flat data', () => {
    expect(
      encodeOutput('b', { datatype: 'BOOL', shape: [2], data: new Uint8Array([1, 0]) }).data,
    ).toEqual([true, false]);
    expect(
      encodeOutput('i', { datatype: 'INT64', shape: [1], data: new BigInt64Array([5n]) }).data,
    ).toEqual([5]);
    expect(
      encodeOutput('h', { datatype: 'FP16', shape: [1], data: new Uint16Array([0x3c00]) }).data,
    ).toEqual([1]);
    expect(encodeOutput('s', { datatype: 'BYTES', shape: [1], data: ['x'] })).toEqual({
      name: 's',
      datatype: 'BYTES',
      shape: [1],
      data: ['x'],
    });
  });
});
