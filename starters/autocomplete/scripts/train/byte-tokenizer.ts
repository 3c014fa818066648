/** Token ids 0..255 are the bytes of UTF-8 text; 256 separates documents. */
export const END_OF_TEXT_ID = 256;
/** The special token's text, as GPT-2 spells it. */
export const END_OF_TEXT = '<|endoftext|>';
/** 256 byte tokens + 1 special token. */
export const VOCAB_SIZE = 257;

const utf8 = new TextEncoder();

/**
 * Byte-level tokenizer: every string has a tokenization (no unknown tokens), and a 257-entry
 * vocabulary keeps the embedding table of a tiny model small.
 */
export const byteTokenizer = {
  /** Text → token ids (one per UTF-8 byte). */
  encode(text: string): number[] {
    return Array.from(utf8.encode(text));
  },
  /** Token ids → text; the special token becomes its text, broken UTF-8 becomes U+FFFD. */
  decode(ids: ArrayLike<number>): string {
    const parts: string[] = [];
    let bytes: number[] = [];
    const flush = () => {
      parts.push(Buffer.from(bytes).toString('utf8'));
      bytes = [];
    };
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id === END_OF_TEXT_ID) {
        flush();
        parts.push(END_OF_TEXT);
      } else if (Number.isInteger(id) && id >= 0 && id < 256) bytes.push(id);
      else throw new RangeError(`token id ${id} is outside the vocabulary 0..${VOCAB_SIZE - 1}`);
    }
    flush();
    return parts.join('');
  },
};
