import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import type * as ort from 'onnxruntime-node';
import { openSession } from '../onnx-backend.js';
import { lastKvName, withLastKvOutputs } from './last-kv-outputs.js';

/** Sampling defaults from `generation_config.json` (used when a request does not set them). */
export interface GenerationDefaults {
  maxTokens: number;
  /** 0 means greedy. */
  temperature: number;
  topK: number;
  topP: number;
}

/**
 * The part of `@huggingface/tokenizers`' `Tokenizer` used here, typed: the package's own
 * declaration files use extensionless imports, which NodeNext resolution cannot follow.
 */
export interface TextTokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): { ids: number[] };
  decode(
    ids: number[],
    options?: { skip_special_tokens?: boolean; clean_up_tokenization_spaces?: boolean },
  ): string;
  get_added_tokens_decoder(): Map<number, { special: boolean }>;
}

const TokenizerClass = Tokenizer as unknown as new (tokenizer: Json, config: Json) => TextTokenizer;

/** A KV-cache causal LM from a Hugging Face model folder, opened inside a worker. */
export interface CausalLm {
  session: ort.InferenceSession;
  /**
   * Outputs holding only the last position of each `present.*` output, in `past` order
   * (layer 0 key, layer 0 value, …); undefined when the model could not take them, and a
   * decode step reads that position from `present.*`.
   */
  lastKv: string[] | undefined;
  tokenizer: TextTokenizer;
  layers: number;
  heads: number;
  headDim: number;
  vocab: number;
  /** Longest sequence the model takes (prompt + generated), tokens. */
  context: number;
  /** Start token used for an empty prompt. */
  bosId: number;
  eosIds: Set<number>;
  /** Added tokens marked special (their text is left out of the output). */
  specialIds: Set<number>;
  defaults: GenerationDefaults;
}

type Json = Record<string, unknown>;

function readJson(dir: string, name: string, required: boolean): Json {
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8')) as Json;
  } catch (err) {
    if (!required && (err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${name} in ${dir}: ${(err as Error).message}`);
  }
}

/** The first of `keys` that is a number in `obj` (GPT-2 names first, then newer names). */
function num(obj: Json, keys: string[]): number | undefined {
  for (const k of keys) if (typeof obj[k] === 'number') return obj[k];
  return undefined;
}

function ids(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

/**
 * Opens `dir` laid out like a hub repository: `config.json`, `generation_config.json`
 * (optional), `tokenizer.json`, `tokenizer_config.json` and `onnx/model.onnx` with
 * `past_key_values.{i}.key|value` inputs and `present.{i}.key|value` outputs.
 */
export async function loadCausalLm(dir: string, threads: number): Promise<CausalLm> {
  const config = readJson(dir, 'config.json', true);
  const generation = readJson(dir, 'generation_config.json', false);
  const tokenizer = new TokenizerClass(
    readJson(dir, 'tokenizer.json', true),
    readJson(dir, 'tokenizer_config.json', true),
  );
  const layers = num(config, ['n_layer', 'num_hidden_layers']);
  const heads = num(config, ['n_head', 'num_attention_heads']);
  const embed = num(config, ['n_embd', 'hidden_size']);
  const vocab = num(config, ['vocab_size']);
  const context = num(config, ['n_positions', 'max_position_embeddings', 'n_ctx']);
  if (!layers || !heads || !embed || !vocab || !context) {
    throw new Error(
      `config.json in ${dir} lacks n_layer, n_head, n_embd, vocab_size or n_positions`,
    );
  }
  const { session, lastKv } = await openWithLastKv(
    join(dir, 'onnx', 'model.onnx'),
    layers,
    threads,
  );
  for (const name of ['input_ids', 'attention_mask', 'position_ids', 'past_key_values.0.key']) {
    if (!session.inputNames.includes(name)) {
      throw new Error(`onnx/model.onnx has no input '${name}': export it with its KV cache`);
    }
  }
  const eosIds = ids(generation.eos_token_id ?? config.eos_token_id);
  const bosId = ids(generation.bos_token_id ?? config.bos_token_id)[0] ?? eosIds[0];
  if (bosId === undefined)
    throw new Error(`config.json in ${dir} has no bos_token_id or eos_token_id`);
  const sampling = generation.do_sample === true;
  return {
    session,
    lastKv,
    tokenizer,
    layers,
    heads,
    headDim: embed / heads,
    vocab,
    context,
    bosId,
    eosIds: new Set(eosIds),
    specialIds: new Set(
      [...tokenizer.get_added_tokens_decoder()].filter(([, t]) => t.special).map(([id]) => id),
    ),
    defaults: {
      maxTokens: num(generation, ['max_new_tokens']) ?? 20,
      temperature: sampling ? (num(generation, ['temperature']) ?? 1) : 0,
      topK: sampling ? (num(generation, ['top_k']) ?? 50) : 0,
      topP: sampling ? (num(generation, ['top_p']) ?? 1) : 1,
    },
  };
}

/**
 * The model with `withLastKvOutputs`' outputs added, or as it is where that fails (an opset
 * before 10, weights in external data files, which a model loaded from memory cannot find).
 */
async function openWithLastKv(
  path: string,
  layers: number,
  threads: number,
): Promise<{ session: ort.InferenceSession; lastKv: string[] | undefined }> {
  const names = Array.from({ length: layers }, (_, l) =>
    (['key', 'value'] as const).map((kind) => lastKvName(l, kind)),
  ).flat();
  try {
    const session = await openSession(withLastKvOutputs(readFileSync(path), layers), threads);
    if (names.every((n) => session.outputNames.includes(n))) return { session, lastKv: names };
    await session.release();
  } catch {
    // Opened below as it is; a model that cannot be opened at all fails there.
  }
  return { session: await openSession(path, threads), lastKv: undefined };
}
