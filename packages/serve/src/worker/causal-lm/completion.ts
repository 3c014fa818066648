import type { FinishReason, GeneratedToken } from '../../types.js';
import type { CausalLm, GenerationDefaults } from './hf-model.js';
import { Sampler, type SamplingParams } from './sampler.js';

/** A generation request as the worker runs it (defaults applied, checked on the main thread). */
export interface StreamParams extends SamplingParams {
  maxTokens: number;
  stop: string[];
  /** Completions of the same prompt; completion i samples with `seed + i`. */
  n: number;
}

/** A request's parameters as the main thread sends them: unset ones come from the model. */
export type StreamRequest = Partial<
  Pick<StreamParams, 'maxTokens' | 'temperature' | 'topK' | 'topP'>
> &
  Pick<StreamParams, 'seed' | 'stop' | 'n'>;

/** `req` completed with the model's `generation_config.json` defaults. */
export function withDefaults(req: StreamRequest, defaults: GenerationDefaults): StreamParams {
  return {
    ...req,
    maxTokens: req.maxTokens ?? defaults.maxTokens,
    temperature: req.temperature ?? defaults.temperature,
    topK: req.topK ?? defaults.topK,
    topP: req.topP ?? defaults.topP,
  };
}

// A byte-level token can end inside a UTF-8 character; at most 3 more bytes complete it.
const MAX_HELD_TOKENS = 4;

/**
 * One completion of a request: its sampler, how much of it is cached, its text so far (for
 * stop strings) and why it ended. Its next token is `lastToken`, to be fed at position `length`.
 */
export class Completion {
  /** Tokens in the KV cache (prompt, then generated). */
  length: number;
  lastToken = -1;
  generated = 0;
  finishReason: FinishReason | undefined;
  private readonly sampler: Sampler;
  /** Generated ids not yet turned into text (an incomplete UTF-8 character). */
  private held: number[] = [];
  private tail = '';
  private readonly maxStop: number;

  constructor(
    private readonly lm: CausalLm,
    readonly requestId: number,
    readonly index: number,
    private readonly params: StreamParams,
    promptLength: number,
  ) {
    this.length = promptLength;
    this.sampler = new Sampler({ ...params, seed: (params.seed + index) >>> 0 });
    this.maxStop = Math.max(0, ...params.stop.map((s) => s.length));
  }

  /**
   * Picks the next token from `logits` ([vocab], this completion's last position). Returns the
   * token to report, or undefined at the end-of-sequence token; sets `finishReason` when done.
   */
  next(logits: Float32Array): GeneratedToken | undefined {
    const { id, logprob } = this.sampler.pick(logits);
    if (this.lm.eosIds.has(id)) {
      this.finishReason = 'eos_token';
      return undefined;
    }
    this.lastToken = id;
    this.generated++;
    // Feeding this token needs a free position: at the context's end the completion stops.
    const atLimit = this.generated >= this.params.maxTokens || this.length >= this.lm.context;
    const special = this.lm.specialIds.has(id);
    const text = special ? '' : this.textOf(id, atLimit);
    if (text && this.params.stop.length > 0) {
      this.tail = (this.tail + text).slice(-(this.maxStop + text.length));
      if (this.params.stop.some((s) => s.length > 0 && this.tail.includes(s))) {
        this.finishReason = 'stop_sequence';
      }
    }
    if (!this.finishReason && atLimit) this.finishReason = 'length';
    return { id, text, logprob, special };
  }

  /** The text `id` adds; '' while it ends inside a character (the next token carries it). */
  private textOf(id: number, last: boolean): string {
    this.held.push(id);
    const text = this.lm.tokenizer.decode(this.held, {
      skip_special_tokens: true,
      clean_up_tokenization_spaces: false,
    });
    if (!last && text.endsWith('\uFFFD') && this.held.length < MAX_HELD_TOKENS) return '';
    this.held = [];
    return text;
  }
}
