import { END_OF_TEXT_ID } from '../train/byte-tokenizer.js';
import type { GptConfig } from '../train/gpt-config.js';

/** `config.json` in Hugging Face's GPT-2 format (what transformers.js reads to build the KV cache). */
export function hfConfig(c: GptConfig): Record<string, unknown> {
  return {
    architectures: ['GPT2LMHeadModel'],
    model_type: 'gpt2',
    vocab_size: c.vocabSize,
    n_positions: c.nPositions,
    n_ctx: c.nPositions,
    n_embd: c.nEmbd,
    n_layer: c.nLayer,
    n_head: c.nHead,
    n_inner: null, // null = 4 × n_embd
    activation_function: 'gelu_new',
    layer_norm_epsilon: c.layerNormEpsilon,
    resid_pdrop: 0,
    embd_pdrop: 0,
    attn_pdrop: 0,
    initializer_range: 0.02,
    bos_token_id: END_OF_TEXT_ID,
    eos_token_id: END_OF_TEXT_ID,
    tie_word_embeddings: true,
    use_cache: true,
    torch_dtype: 'float32',
  };
}

/** Reads back the fields of `config.json` this project uses. */
export function fromHfConfig(json: Record<string, unknown>): GptConfig {
  const num = (key: string) => {
    const v = json[key];
    if (typeof v !== 'number') throw new Error(`config.json: "${key}" must be a number`);
    return v;
  };
  if (json.model_type !== 'gpt2')
    throw new Error(`config.json: model_type must be "gpt2", got ${String(json.model_type)}`);
  return {
    vocabSize: num('vocab_size'),
    nPositions: num('n_positions'),
    nEmbd: num('n_embd'),
    nLayer: num('n_layer'),
    nHead: num('n_head'),
    layerNormEpsilon: num('layer_norm_epsilon'),
  };
}

/** `generation_config.json`: greedy by default; generation stops at the end-of-text token. */
export function hfGenerationConfig(c: GptConfig): Record<string, unknown> {
  return {
    bos_token_id: END_OF_TEXT_ID,
    eos_token_id: END_OF_TEXT_ID,
    max_length: c.nPositions,
    do_sample: false,
  };
}
