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

const int64 = (values: BigInt64Array, rows: number) =>
  new ort.Tensor('int64', values, [rows, values.length / rows]);

/** The cache and last logits of one prompt run by `prefill`. */
export interface Prefilled {
  /** The prompt's last position's logits, [vocab]. */
  logits: Float32Array;
  /** The prompt's cache: its row of the call's `present.*` outputs. */
  source: KvSource;
}

/**
 * Runs prompts (one or more, of a token or more each) from an empty cache in one model call,
 * row i for `prompts[i]`. Shorter prompts are left-padded to the longest: the attention mask
 * hides the padding and position ids count from each row's first real token, so every row gets
 * what it would alone. Returns, in order, each prompt's last logits and cache.
 */
export async function prefill(lm: CausalLm, prompts: number[][]): Promise<Prefilled[]> {
  const rows = prompts.length;
  const width = Math.max(...prompts.map((p) => p.length));
  const ids = new BigInt64Array(rows * width);
  const mask = new BigInt64Array(rows * width);
  const positions = new BigInt64Array(rows * width);
  prompts.forEach((tokens, r) => {
    const pad = width - tokens.length;
    // Padding repeats the row's first token: any valid id does, the mask hides it.
    ids.fill(BigInt(tokens[0]!), r * width, r * width + pad);
    tokens.forEach((t, i) => {
      const at = r * width + pad + i;
      ids[at] = BigInt(t);
      mask[at] = 1n;
      positions[at] = BigInt(i);
    });
  });
  const feeds: Record<string, ort.Tensor> = {
    input_ids: int64(ids, rows),
    attention_mask: int64(mask, rows),
    position_ids: int64(positions, rows),
  };
  const empty = new Float32Array(0);
  for (const name of cacheNames(lm.layers, 'past_key_values')) {
    feeds[name] = new ort.Tensor('float32', empty, [rows, lm.heads, 0, lm.headDim]);
  }
  const present = cacheNames(lm.layers, 'present');
  const outputs = await lm.session.run(feeds, ['logits', ...present]);
  const logits = outputs.logits!.data as Float32Array; // [rows, width, vocab]
  const tensors = present.map((n) => outputs[n]!.data as Float32Array);
  const vocab = logits.length / (rows * width);
  return prompts.map((tokens, row) => ({
    logits: logits.subarray(((row + 1) * width - 1) * vocab, (row + 1) * width * vocab),
    source: { tensors, positions: width, row, length: tokens.length },
  }));
}

/** Most prompts one prefill call runs. */
export const PREFILL_ROWS = 8;
/**
 * Most positions (rows × longest prompt) one prefill call runs, unless one prompt alone has
 * more: the logits of a call hold this many positions, GPT-2's whole context.
 */
export const PREFILL_POSITIONS = 1024;

/**
 * Splits prompts of `lengths` tokens into groups to prefill together, as indices into
 * `lengths`, shortest prompts first. A group has at most `PREFILL_ROWS` rows and
 * `PREFILL_POSITIONS` positions, and at most twice as many positions as real tokens: padding a
 * short prompt to a far longer one would cost more than a call of its own.
 */
export function prefillGroups(lengths: number[]): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]!);
  const groups: number[][] = [];
  let group: number[] = [];
  let tokens = 0;
  for (const i of order) {
    const length = lengths[i]!;
    // Sorted: the prompt that joins is the group's longest.
    const cells = (group.length + 1) * length;
    const fits =
      group.length < PREFILL_ROWS && cells <= PREFILL_POSITIONS && cells <= 2 * (tokens + length);
    if (!fits && group.length > 0) {
      groups.push(group);
      group = [];
      tokens = 0;
    }
    group.push(i);
    tokens += length;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** The `topK` most likely next tokens after `prompt` (softmax at temperature 1). */
export async function nextTokens(lm: CausalLm, prompt: string, topK: number): Promise<NextTokens> {
  const { tokens, truncated } = encodePrompt(lm, prompt, lm.context);
  const { logits } = (await prefill(lm, [tokens]))[0]!;
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
