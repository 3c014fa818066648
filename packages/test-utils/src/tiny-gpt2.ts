import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@shipml/random';
import { buildOnnxModel, type OnnxInitializer, type OnnxNode } from './onnx-models.js';

export interface TinyGpt2Options {
  /** Transformer blocks. Default 4. */
  layers?: number;
  /** Attention heads; must divide `embed`. Default 4. */
  heads?: number;
  /** Width of the residual stream. Default 128. */
  embed?: number;
  /** Context length (`n_positions`). Default 256. */
  context?: number;
  seed?: number;
  /**
   * Added to the end-of-text logit. A negative value keeps greedy streams running to their
   * token limit; a large positive one makes every stream end at once. Default 0.
   */
  eosBias?: number;
}

/** 256 byte tokens (GPT-2's byte-level alphabet) plus `<|endoftext|>`. */
export const TINY_GPT2_VOCAB = 257;
/** Id of `<|endoftext|>`: the BOS, EOS and pad token. */
export const TINY_GPT2_EOS = 256;

/**
 * A random-weight GPT-2 in the layout of the Hugging Face hub's ONNX exports with a KV cache:
 * `input_ids`, `attention_mask` [batch, past + seq], `position_ids`, `past_key_values.{i}.key|value`
 * [batch, heads, past, head_dim] → `logits` [batch, seq, vocab], `present.{i}.key|value`.
 * Defaults give ~0.92M parameters (d=128, 4 layers, 4 heads). Masked positions get -1e9 before
 * the softmax, so padding contributes exactly nothing.
 */
export function tinyGpt2Onnx(opts: TinyGpt2Options = {}): Uint8Array {
  const { layers = 4, heads = 4, embed: E = 128, context = 256, seed = 1, eosBias = 0 } = opts;
  if (E % heads !== 0) throw new Error('heads must divide embed');
  const D = E / heads;
  const V = TINY_GPT2_VOCAB;
  const random = createRandom(seed);
  const init: OnnxInitializer[] = [];
  const f32 = (name: string, dims: number[], fill: (i: number) => number) => {
    const n = dims.reduce((a, b) => a * b, 1);
    init.push({ name, dims, data: Float32Array.from({ length: n }, (_, i) => fill(i)) });
    return name;
  };
  const i64 = (name: string, dims: number[], values: number[]) => {
    init.push({ name, dims, data: BigInt64Array.from(values.map(BigInt)) });
    return name;
  };
  // Uniform in ±sqrt(3/fanIn): unit-scale activations through each layer.
  const weight = (name: string, rows: number, cols: number, gain = 1) =>
    f32(name, [rows, cols], () => random.range(-1, 1) * gain * Math.sqrt(3 / rows));
  const constant = (name: string, v: number) => f32(name, [], () => v);

  const nodes: OnnxNode[] = [];
  const op = (
    type: string,
    inputs: string[],
    output: string,
    attributes?: OnnxNode['attributes'],
  ) => {
    nodes.push({ op: type, inputs, outputs: [output], ...(attributes ? { attributes } : {}) });
    return output;
  };

  f32('wte', [V, E], () => random.range(-1, 1) * 1.5);
  f32('wpe', [context, E], () => random.range(-1, 1) * 0.5);
  constant('one', 1);
  constant('neg', -1e9);
  constant('scale', 1 / Math.sqrt(D));
  constant('gelu_k', 1.702);
  i64('idx1', [], [1]);
  i64('axes0', [1], [0]);
  i64('axes12', [2], [1, 2]);
  i64('heads_shape', [4], [0, 0, heads, D]);
  i64('merge_shape', [3], [0, 0, E]);
  f32('ln_g', [E], () => 1);
  f32('ln_b', [E], () => 0);
  f32('lm_bias', [V], (i) => (i === TINY_GPT2_EOS ? eosBias : 0));

  let h = op(
    'Add',
    [op('Gather', ['wte', 'input_ids'], 'tok'), op('Gather', ['wpe', 'position_ids'], 'pos')],
    'h0',
  );

  // Additive mask [batch, 1, seq, past + seq]: -1e9 on padding and on future positions.
  const padding = op(
    'Mul',
    [op('Sub', ['one', op('Cast', ['attention_mask'], 'mask_f', { to: 1 })], 'mask_inv'), 'neg'],
    'pad_add',
  );
  const pad4 = op('Unsqueeze', [padding, 'axes12'], 'pad_add4');
  const S = op('Gather', [op('Shape', ['input_ids'], 'ids_shape'), 'idx1'], 'S', { axis: 0 });
  const T = op('Gather', [op('Shape', ['attention_mask'], 'mask_shape'), 'idx1'], 'T', { axis: 0 });
  const st = op(
    'Concat',
    [op('Unsqueeze', [S, 'axes0'], 'S1'), op('Unsqueeze', [T, 'axes0'], 'T1')],
    'ST',
    { axis: 0 },
  );
  // Query i sits at absolute position past + i: it sees keys j <= i + past.
  const tri = op('Trilu', [op('Expand', ['one', st], 'ones_st'), op('Sub', [T, S], 'P')], 'tri', {
    upper: 0,
  });
  const causal = op('Mul', [op('Sub', ['one', tri], 'tri_inv'), 'neg'], 'causal_add');
  const maskAdd = op('Add', [pad4, causal], 'mask_add');

  const linear = (x: string, name: string, rows: number, cols: number) =>
    op(
      'Add',
      [
        op('MatMul', [x, weight(`${name}_w`, rows, cols)], `${name}_mm`),
        f32(`${name}_b`, [cols], () => 0),
      ],
      name,
    );
  const splitHeads = (x: string) =>
    op('Transpose', [op('Reshape', [x, 'heads_shape'], `${x}_r`)], `${x}_h`, {
      perm: [0, 2, 1, 3],
    });

  for (let l = 0; l < layers; l++) {
    const p = `l${l}`;
    const a = op('LayerNormalization', [h, 'ln_g', 'ln_b'], `${p}_ln1`, { axis: -1 });
    const q = splitHeads(linear(a, `${p}_q`, E, E));
    const k = splitHeads(linear(a, `${p}_k`, E, E));
    const v = splitHeads(linear(a, `${p}_v`, E, E));
    const key = op('Concat', [`past_key_values.${l}.key`, k], `present.${l}.key`, { axis: 2 });
    const value = op('Concat', [`past_key_values.${l}.value`, v], `present.${l}.value`, {
      axis: 2,
    });
    const kT = op('Transpose', [key], `${p}_kT`, { perm: [0, 1, 3, 2] });
    const scores = op(
      'Add',
      [op('Mul', [op('MatMul', [q, kT], `${p}_qk`), 'scale'], `${p}_qks`), maskAdd],
      `${p}_scores`,
    );
    const probs = op('Softmax', [scores], `${p}_probs`, { axis: -1 });
    const ctx = op('Transpose', [op('MatMul', [probs, value], `${p}_ctx`)], `${p}_ctx_t`, {
      perm: [0, 2, 1, 3],
    });
    const merged = op('Reshape', [ctx, 'merge_shape'], `${p}_merged`);
    h = op('Add', [h, linear(merged, `${p}_o`, E, E)], `${p}_h1`);
    const b = op('LayerNormalization', [h, 'ln_g', 'ln_b'], `${p}_ln2`, { axis: -1 });
    const up = linear(b, `${p}_fc`, E, 4 * E);
    // GELU, sigmoid approximation: x * sigmoid(1.702 x).
    const gelu = op(
      'Mul',
      [up, op('Sigmoid', [op('Mul', [up, 'gelu_k'], `${p}_gk`)], `${p}_sig`)],
      `${p}_gelu`,
    );
    h = op('Add', [h, linear(gelu, `${p}_proj`, 4 * E, E)], `${p}_h2`);
  }
  const final = op('LayerNormalization', [h, 'ln_g', 'ln_b'], 'ln_f', { axis: -1 });
  // An output projection of its own (GPT-2 ties it to the token embedding: a random tied model
  // mostly repeats its last token). Logits come out with a spread of ~3.
  const head = weight('lm_head', E, V, 3);
  op('Add', [op('MatMul', [final, head], 'logits_raw'), 'lm_bias'], 'logits');

  const kv = (prefix: string, past: string) =>
    Array.from({ length: layers }, (_, l) =>
      (['key', 'value'] as const).map((kind) => ({
        name: `${prefix}.${l}.${kind}`,
        type: 'float32' as const,
        shape: ['batch_size', heads, past, D],
      })),
    ).flat();
  return buildOnnxModel({
    inputs: [
      { name: 'input_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
      {
        name: 'attention_mask',
        type: 'int64',
        shape: ['batch_size', 'past_sequence_length + sequence_length'],
      },
      { name: 'position_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
      ...kv('past_key_values', 'past_sequence_length'),
    ],
    outputs: [
      { name: 'logits', type: 'float32', shape: ['batch_size', 'sequence_length', V] },
      ...kv('present', 'past_sequence_length + sequence_length'),
    ],
    nodes,
    initializers: init,
    opset: 17,
  });
}

/**
 * Writes a tiny random GPT-2 as a Hugging Face model folder: `config.json`,
 * `generation_config.json`, `tokenizer.json` (byte-level BPE, no merges: one token per byte),
 * `tokenizer_config.json` and `onnx/model.onnx`. Returns `dir`.
 */
export function writeTinyGpt2(dir: string, opts: TinyGpt2Options = {}): string {
  const { layers = 4, heads = 4, embed = 128, context = 256 } = opts;
  const eos = '<|endoftext|>';
  const json = (name: string, value: unknown) =>
    writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), tinyGpt2Onnx(opts));
  json('config.json', {
    model_type: 'gpt2',
    architectures: ['GPT2LMHeadModel'],
    vocab_size: TINY_GPT2_VOCAB,
    n_positions: context,
    n_ctx: context,
    n_embd: embed,
    n_layer: layers,
    n_head: heads,
    bos_token_id: TINY_GPT2_EOS,
    eos_token_id: TINY_GPT2_EOS,
  });
  json('generation_config.json', { bos_token_id: TINY_GPT2_EOS, eos_token_id: TINY_GPT2_EOS });
  json('tokenizer_config.json', {
    tokenizer_class: 'GPT2Tokenizer',
    bos_token: eos,
    eos_token: eos,
    unk_token: eos,
    model_max_length: context,
    add_prefix_space: false,
    clean_up_tokenization_spaces: false,
  });
  const vocab = Object.fromEntries(byteLevelAlphabet().map((ch, id) => [ch, id]));
  vocab[eos] = TINY_GPT2_EOS;
  json('tokenizer.json', {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [
      {
        id: TINY_GPT2_EOS,
        content: eos,
        single_word: false,
        lstrip: false,
        rstrip: false,
        normalized: true,
        special: true,
      },
    ],
    normalizer: null,
    pre_tokenizer: {
      type: 'ByteLevel',
      add_prefix_space: false,
      trim_offsets: true,
      use_regex: true,
    },
    post_processor: {
      type: 'ByteLevel',
      add_prefix_space: true,
      trim_offsets: false,
      use_regex: true,
    },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges: [],
    },
  });
  return dir;
}

/**
 * GPT-2's byte-level alphabet: byte b is token b, shown as a printable character (printable
 * bytes as themselves, the others shifted to U+0100 and up), the table every byte-level BPE
 * tokenizer.json uses.
 */
function byteLevelAlphabet(): string[] {
  const printable = (b: number) =>
    (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let next = 256;
  return Array.from({ length: 256 }, (_, b) => String.fromCodePoint(printable(b) ? b : next++));
}
