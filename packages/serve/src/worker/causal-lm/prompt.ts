import * as ort from 'onnxruntime-node';
import type { NextTokens } from '../../types.js';
import type { CausalLm } from './hf-model.js';
import { cacheNames, type KvSource } from './kv-batch.js';
import { logSumExp, topIndices } from './sampler.js';

/**
 * The prompt's token ids, at most `room` of them: a longer prompt keeps its end (the part
 * next to what comes after it). An empty prompt starts from the BOS token.
 */
export function encodePrompt(
  lm: CausalLm,
  prompt: string,
  room: number,
): { tokens: number[]; truncated: boolean } {
  const ids = lm.tokenizer.encode(prompt, { add_special_tokens: true }).ids;
  if (ids.length === 0) return { tokens: [lm.bosId], truncated: false };
  if (ids.length <= room) return { tokens: ids, truncated: false };
  return { tokens: ids.slice(ids.length - room), truncated: true };
}

/** Room for a prompt that leaves `maxTokens` to generate, but never less than half the context. */
export function promptRoom(lm: CausalLm, maxTokens: number): number {
  return lm.context - Math.min(maxTokens, Math.floor(lm.context / 2));
}

const int64 = (values: number[]) =>
  new ort.Tensor(
    'int64',
    BigInt64Array.from(values, (v) => BigInt(v)),
    [1, values.length],
  );

/**
 * Runs a whole prompt from an empty cache. Returns the last position's logits [vocab] and the
 * prompt's cache as a `KvSource` (batch of one).
 */
export async function prefill(
  lm: CausalLm,
  tokens: number[],
): Promise<{ logits: Float32Array; source: KvSource }> {
  const feeds: Record<string, ort.Tensor> = {
    input_ids: int64(tokens),
    attention_mask: int64(tokens.map(() => 1)),
    position_ids: int64(tokens.map((_, i) => i)),
  };
  const empty = new Float32Array(0);
  for (const name of cacheNames(lm.layers, 'past_key_values')) {
    feeds[name] = new ort.Tensor('float32', empty, [1, lm.heads, 0, lm.headDim]);
  }
  const present = cacheNames(lm.layers, 'present');
  const outputs = await lm.session.run(feeds, ['logits', ...present]);
  const all = outputs.logits!.data as Float32Array;
  const vocab = all.length / tokens.length;
  return {
    logits: all.subarray(all.length - vocab),
    source: {
      tensors: present.map((n) => outputs[n]!.data as Float32Array),
      positions: tokens.length,
      row: 0,
      length: tokens.length,
    },
  };
}

/** The `topK` most likely next tokens after `prompt` (softmax at temperature 1). */
export async function nextTokens(lm: CausalLm, prompt: string, topK: number): Promise<NextTokens> {
  const { tokens, truncated } = encodePrompt(lm, prompt, lm.context);
  const { logits } = await prefill(lm, tokens);
  const lse = logSumExp(logits);
  return {
    promptTokens: tokens.length,
    truncated,
    tokens: topIndices(logits, topK).map((id) => ({
      id,
      text: lm.tokenizer.decode([id], { clean_up_tokenization_spaces: false }),
      prob: Math.exp(logits[id]! - lse),
    })),
  };
}
