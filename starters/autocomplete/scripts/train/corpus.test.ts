import { describe, expect, it } from 'vitest';
import { byteTokenizer, END_OF_TEXT_ID } from './byte-tokenizer.js';
import { splitDocuments } from './corpus.js';

describe('train/held-out split', () => {
  it('holds out the tail of every document and never mixes them', () => {
    const docs = ['a'.repeat(90) + 'b'.repeat(10), 'c'.repeat(180) + 'd'.repeat(20)];
    const { train, heldOut, documents } = splitDocuments(docs, 0.1);
    expect(documents).toBe(2);
    const decode = (t: Uint16Array) => byteTokenizer.decode(Array.from(t));
    expect(decode(train)).toBe(`${'a'.repeat(90)}<|endoftext|>${'c'.repeat(180)}<|endoftext|>`);
    expect(decode(heldOut)).toBe(`${'b'.repeat(10)}<|endoftext|>${'d'.repeat(20)}<|endoftext|>`);
    expect(train.filter((t) => t === END_OF_TEXT_ID).length).toBe(2);
  });

  it('rejects a fraction outside (0, 1)', () => {
    expect(() => splitDocuments(['x'], 0)).toThrow(RangeError);
    expect(() => splitDocuments(['x'], 1)).toThrow(RangeError);
  });
});
