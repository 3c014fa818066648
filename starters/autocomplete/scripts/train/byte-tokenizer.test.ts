import { describe, expect, it } from 'vitest';
import { byteTokenizer, END_OF_TEXT, END_OF_TEXT_ID, VOCAB_SIZE } from './byte-tokenizer.js';

describe('byte tokenizer', () => {
  it('round-trips UTF-8 text, one token per byte', () => {
    for (const text of [
      '',
      'Call me Ishmael.',
      'naïve café — “quotes”',
      '日本語のテキスト',
      'whale 🐋 emoji',
      '\t\n\r\u0000',
    ]) {
      const ids = byteTokenizer.encode(text);
      expect(ids.length).toBe(Buffer.byteLength(text, 'utf8'));
      expect(ids.every((id) => id >= 0 && id < 256)).toBe(true);
      expect(byteTokenizer.decode(ids)).toBe(text);
    }
  });

  it('encodes multi-byte characters as their UTF-8 bytes', () => {
    expect(byteTokenizer.encode('é')).toEqual([0xc3, 0xa9]);
    expect(byteTokenizer.encode('🐋')).toEqual([0xf0, 0x9f, 0x90, 0x8b]);
  });

  it('decodes the special token and replaces broken UTF-8', () => {
    expect(byteTokenizer.decode([104, 105, END_OF_TEXT_ID, 0xc3, 0xa9])).toBe(`hi${END_OF_TEXT}é`);
    expect(byteTokenizer.decode([0xc3])).toBe('\ufffd'); // a lone lead byte
    expect(() => byteTokenizer.decode([VOCAB_SIZE])).toThrow(RangeError);
  });
});
