import type { GptConfig } from '../train/gpt-config.js';
import type { GptWeights } from '../train/weights.js';
import {
  encodeOnnxModel,
  type OnnxInitializer,
  type OnnxNode,
  type OnnxValue,
} from './onnx-graph.js';

const i64 = (...v: number[]) => BigInt64Array.from(v.map(BigInt));

/**
 * The GPT-2 decoder as an ONNX graph with the inputs and outputs of the Hugging Face hub's GPT-2
 * exports, so transformers.js and the server can run it with a KV cache:
 *
 * - `input_ids` int64 [batch_size, sequence_length], `position_ids` likewise,
 * - `attention_mask` int64 [batch_size, past_sequence_length + sequence_length] (0 = padding: no
 *   query attends to that key, so left-padded batches of different lengths work),
 * - `past_key_values.{i}.key|value` float32 [batch_size, nHead, past_sequence_length, headSize],
 * - → `logits` float32 [batch_size, sequence_length, vocab] and `present.{i}.key|value`
 *   [batch_size, nHead, past_sequence_length + sequence_length, headSize].
 *
 * Head count and head size are fixed numbers: transformers.js fills only a cache dimension named
 * `batch_size` when it creates the empty first-step cache.
 */
export function gptToOnnx(c: GptConfig, weights: GptWeights): Uint8Array {
  const d = c.nEmbd;
  const hs = d / c.nHead;
  const nodes: OnnxNode[] = [];
  const node = (
    op: string,
    inputs: string[],
    output: string,
    attributes?: OnnxNode['attributes'],
  ) => {
    nodes.push({ op, inputs, outputs: [output], attributes });
    return output;
  };
  const initializers: OnnxInitializer[] = [
    ...weights.map((w) => ({ name: w.name, dims: w.shape, data: w.data })),
    { name: 'const.heads_shape', dims: [4], data: i64(0, 0, c.nHead, hs) }, // 0 = keep that dim
    { name: 'const.merge_shape', dims: [3], data: i64(0, 0, d) },
    { name: 'const.qkv_split', dims: [3], data: i64(d, d, d) },
    { name: 'const.i0', dims: [], data: i64(0) },
    { name: 'const.i1', dims: [], data: i64(1) },
    { name: 'const.axes_1', dims: [1], data: i64(1) },
    { name: 'const.axes_1_2', dims: [2], data: i64(1, 2) },
    { name: 'const.scale', dims: [], data: Float32Array.of(1 / Math.sqrt(hs)) },
    { name: 'const.masked', dims: [], data: Float32Array.of(-1e9) },
    { name: 'const.half', dims: [], data: Float32Array.of(0.5) },
    { name: 'const.one', dims: [], data: Float32Array.of(1) },
    { name: 'const.gelu_a', dims: [], data: Float32Array.of(0.044715) },
    { name: 'const.gelu_c', dims: [], data: Float32Array.of(Math.sqrt(2 / Math.PI)) },
  ];
  const ln = (x: string, prefix: string, out: string) =>
    node('LayerNormalization', [x, `${prefix}.weight`, `${prefix}.bias`], out, {
      axis: { int: -1 },
      epsilon: { float: c.layerNormEpsilon },
    });
  const linear = (x: string, prefix: string, out: string) =>
    node('Add', [node('MatMul', [x, `${prefix}.weight`], `${out}.mm`), `${prefix}.bias`], out);

  // Embeddings: token + position (positions come from position_ids, so left padding works).
  let x = node(
    'Add',
    [
      node('Gather', ['wte', 'input_ids'], 'tok_emb'),
      node('Gather', ['wpe', 'position_ids'], 'pos_emb'),
    ],
    'x.emb',
  );

  // allowed [batch, 1, seq, past+seq]: key j is visible to query i iff j ≤ past + i and mask[j] = 1.
  const seq = node('Gather', [node('Shape', ['input_ids'], 'ids_shape'), 'const.i1'], 'seq_len', {
    axis: { int: 0 },
  });
  const total = node(
    'Gather',
    [node('Shape', ['attention_mask'], 'mask_shape'), 'const.i1'],
    'total_len',
    { axis: { int: 0 } },
  );
  const past = node('Sub', [total, seq], 'past_len');
  const keyPos = node('Range', ['const.i0', total, 'const.i1'], 'key_pos');
  const queryPos = node(
    'Unsqueeze',
    [node('Range', [past, total, 'const.i1'], 'query_pos'), 'const.axes_1'],
    'query_pos_col',
  );
  const causal = node('LessOrEqual', [keyPos, queryPos], 'causal');
  const padding = node(
    'Unsqueeze',
    [node('Cast', ['attention_mask'], 'mask_bool', { to: { int: 9 } }), 'const.axes_1_2'],
    'mask_4d',
  );
  const allowed = node('And', [causal, padding], 'allowed');

  const heads = (t: string, out: string) =>
    node('Transpose', [node('Reshape', [t, 'const.heads_shape'], `${out}.r`)], out, {
      perm: { ints: [0, 2, 1, 3] },
    });
  for (let i = 0; i < c.nLayer; i++) {
    const h = `h.${i}`;
    const qkv = linear(ln(x, `${h}.ln_1`, `${h}.ln_1.out`), `${h}.attn.c_attn`, `${h}.qkv`);
    nodes.push({
      op: 'Split',
      inputs: [qkv, 'const.qkv_split'],
      outputs: [`${h}.q`, `${h}.k`, `${h}.v`],
      attributes: { axis: { int: 2 } },
    });
    const q = heads(`${h}.q`, `${h}.qh`);
    const k = node(
      'Concat',
      [`past_key_values.${i}.key`, heads(`${h}.k`, `${h}.kh`)],
      `present.${i}.key`,
      { axis: { int: 2 } },
    );
    const v = node(
      'Concat',
      [`past_key_values.${i}.value`, heads(`${h}.v`, `${h}.vh`)],
      `present.${i}.value`,
      { axis: { int: 2 } },
    );
    const kt = node('Transpose', [k], `${h}.kt`, { perm: { ints: [0, 1, 3, 2] } });
    const scores = node('Mul', [node('MatMul', [q, kt], `${h}.qk`), 'const.scale'], `${h}.scores`);
    const probs = node(
      'Softmax',
      [node('Where', [allowed, scores, 'const.masked'], `${h}.masked`)],
      `${h}.probs`,
      { axis: { int: -1 } },
    );
    const att = node('Transpose', [node('MatMul', [probs, v], `${h}.att`)], `${h}.att_t`, {
      perm: { ints: [0, 2, 1, 3] },
    });
    const merged = node('Reshape', [att, 'const.merge_shape'], `${h}.att_merged`);
    x = node('Add', [x, linear(merged, `${h}.attn.c_proj`, `${h}.attn_out`)], `${h}.x_attn`);
    const f = linear(ln(x, `${h}.ln_2`, `${h}.ln_2.out`), `${h}.mlp.c_fc`, `${h}.fc`);
    // gelu_new: 0.5·f·(1 + tanh(√(2/π)·(f + 0.044715·f³)))
    const f3 = node('Mul', [node('Mul', [f, f], `${h}.f2`), f], `${h}.f3`);
    const z = node(
      'Mul',
      [node('Add', [f, node('Mul', [f3, 'const.gelu_a'], `${h}.af3`)], `${h}.zin`), 'const.gelu_c'],
      `${h}.z`,
    );
    const t1 = node('Add', [node('Tanh', [z], `${h}.tanh`), 'const.one'], `${h}.t1`);
    const g = node('Mul', [node('Mul', [f, 'const.half'], `${h}.halff`), t1], `${h}.gelu`);
    x = node('Add', [x, linear(g, `${h}.mlp.c_proj`, `${h}.mlp_out`)], `${h}.x_out`);
  }
  const final = ln(x, 'ln_f', 'ln_f.out');
  node(
    'MatMul',
    [final, node('Transpose', ['wte'], 'wte_t', { perm: { ints: [1, 0] } })],
    'logits',
  ); // tied head

  const cache = (name: string, len: string): OnnxValue => ({
    name,
    type: 'float32',
    shape: ['batch_size', c.nHead, len, hs],
  });
  const inputs: OnnxValue[] = [
    { name: 'input_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
    {
      name: 'attention_mask',
      type: 'int64',
      shape: ['batch_size', 'past_sequence_length + sequence_length'],
    },
    { name: 'position_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
  ];
  const outputs: OnnxValue[] = [
    { name: 'logits', type: 'float32', shape: ['batch_size', 'sequence_length', c.vocabSize] },
  ];
  for (let i = 0; i < c.nLayer; i++) {
    for (const kind of ['key', 'value']) {
      inputs.push(cache(`past_key_values.${i}.${kind}`, 'past_sequence_length'));
      outputs.push(cache(`present.${i}.${kind}`, 'past_sequence_length + sequence_length'));
    }
  }
  return encodeOnnxModel({ name: 'gpt2', inputs, outputs, nodes, initializers, opset: 17 });
}
