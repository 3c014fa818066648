import { END_OF_TEXT, END_OF_TEXT_ID } from '../train/byte-tokenizer.js';

/**
 * GPT-2's byte → printable-character table: byte-level BPE tokenizers store each byte as one
 * visible Unicode character (printable Latin-1 bytes map to themselves, the rest to U+0100…).
 */
export function bytesToUnicode(): string[] {
  const table: string[] = new Array(256);
  let next = 256;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    table[b] = String.fromCodePoint(printable ? b : next++);
  }
  return table;
}

/**
 * `tokenizer.json` for the byte-level tokenizer: a BPE model whose vocabulary is the 256 byte
 * characters (id = byte value) with no merges, so every UTF-8 byte is one token, plus
 * `<|endoftext|>` as an added special token. Loads in transformers.js and @huggingface/tokenizers.
 */
export function tokenizerJson(): Record<string, unknown> {
  const vocab: Record<string, number> = {};
  bytesToUnicode().forEach((ch, b) => (vocab[ch] = b));
  vocab[END_OF_TEXT] = END_OF_TEXT_ID;
  const byteLevel = {
    type: 'ByteLevel',
    add_prefix_space: false,
    trim_offsets: true,
    use_regex: true,
  };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [
      {
        id: END_OF_TEXT_ID,
        content: END_OF_TEXT,
        single_word: false,
        lstrip: false,
        rstrip: false,
        normalized: true,
        special: true,
      },
    ],
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: { ...byteLevel, trim_offsets: false },
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: [],
    },
  };
}

/** `tokenizer_config.json`: no prefix space, no added BOS, and no space clean-up, so decode(encode(s)) = s. */
export function tokenizerConfigJson(contextLength: number): Record<string, unknown> {
  return {
    tokenizer_class: 'GPT2Tokenizer',
    add_bos_token: false,
    add_prefix_space: false,
    bos_token: END_OF_TEXT,
    eos_token: END_OF_TEXT,
    unk_token: END_OF_TEXT,
    model_max_length: contextLength,
    clean_up_tokenization_spaces: false,
  };
}
