import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { byteTokenizer, END_OF_TEXT, END_OF_TEXT_ID } from '../train/byte-tokenizer.js';
import { bytesToUnicode, tokenizerConfigJson, tokenizerJson } from './tokenizer-files.js';

describe('tokenizer.json', () => {
  it('maps the 256 bytes to 256 distinct characters', () => {
    const table = bytesToUnicode();
    expect(new Set(table).size).toBe(256);
    expect(table[65]).toBe('A');
    expect(table[32]).toBe('Ġ'); // GPT-2's visible space
  });

  it('tokenizes and decodes like the byte tokenizer in @huggingface/tokenizers', () => {
    const tokenizer = new Tokenizer(tokenizerJson(), tokenizerConfigJson(128));
    for (const text of [
      'Call me Ishmael.',
      '  leading spaces',
      'naïve café — “quotes” 日本語 🐋',
      'line\nbreaks\ttabs',
    ]) {
      const { ids } = tokenizer.encode(text);
      expect(ids).toEqual(byteTokenizer.encode(text));
      expect(tokenizer.decode(ids)).toBe(text);
    }
    const withSpecial = tokenizer.encode(`end${END_OF_TEXT}next`).ids;
    expect(withSpecial).toEqual([
      ...byteTokenizer.encode('end'),
      END_OF_TEXT_ID,
      ...byteTokenizer.encode('next'),
    ]);
  });
});
