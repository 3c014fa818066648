import type { GenerateEvent, GenerateParameters, InferenceService } from '@shipml/serve';

/** What the page asks for: a prompt and how to sample its continuation. */
export interface CompletionRequest {
  prompt: string;
  /** New tokens at most (here a token is one byte of UTF-8 text). */
  maxNewTokens?: number;
  /** 0 always takes the most likely next token; higher values take more risks. */
  temperature?: number;
  /** Sample only among the `topK` most likely tokens (0: no limit). */
  topK?: number;
  /** Sample only among the most likely tokens that together hold `topP` of the probability. */
  topP?: number;
  /** How many different completions. */
  n?: number;
  /** The same seed gives the same completions. */
  seed?: number;
  /** Stop once the text contains one of these (it is kept). */
  stop?: string[];
}

export interface Completion {
  text: string;
  /** `length` (maxNewTokens reached), `stop_sequence` or `eos_token` (the model ended the text). */
  finishReason: string;
}

/** A streamed event: a piece of completion `index`, or, last, the whole answer. */
export type CompletionEvent = { index: number; text: string } | ({ done: true } & CompletionAnswer);

export interface CompletionAnswer {
  completions: Completion[];
  /** True when the prompt was longer than the model's context and only its end was used. */
  truncated: boolean;
  /** Milliseconds to the first token and in all; `tokensPerSecond` over the whole answer. */
  timingsMs: { firstToken: number; total: number };
  tokens: number;
  tokensPerSecond: number;
}

/** The request in @shipml/serve's terms (the Open Inference Protocol's `generate` parameters). */
export function toParameters(req: CompletionRequest): GenerateParameters {
  return {
    max_tokens: req.maxNewTokens ?? 24,
    temperature: req.temperature ?? 0.7,
    top_k: req.topK ?? 40,
    top_p: req.topP ?? 0.95,
    n: req.n ?? 1,
    ...(req.seed === undefined ? {} : { seed: req.seed }),
    ...(req.stop === undefined ? {} : { stop: req.stop }),
  };
}

/**
 * Completes a prompt, token by token: pre-process (the request → sampling parameters) → model
 * (@shipml/serve tokenizes the prompt, runs the model once per new token, reusing what it
 * computed for earlier tokens — the KV cache — and samples each next token) → post-process
 * (the tokens' text joined per completion, with timings). Yields each piece as it arrives, then
 * the whole answer.
 *
 * @example
 * for await (const e of streamCompletion(app.inference, 'tiny-gpt', { prompt: 'Call me', temperature: 0 }))
 * // → { index: 0, text: ' ' } … { index: 0, text: 'I' } …
 * //   { done: true, completions: [{ text: ' Ishmael. Some years ago', finishReason: 'length' }],
 * //     truncated: false, timingsMs: { firstToken: 4, total: 61 }, tokens: 24, tokensPerSecond: 393 }
 */
export async function* streamCompletion(
  inference: InferenceService,
  model: string,
  req: CompletionRequest,
  signal?: AbortSignal,
): AsyncGenerator<CompletionEvent> {
  const started = performance.now();
  const events: AsyncIterable<GenerateEvent> = inference.generate(
    model,
    { text_input: req.prompt, parameters: toParameters(req) },
    signal ? { signal } : {},
  );
  const texts: string[] = [];
  const ends: Completion[] = [];
  let truncated = false;
  let tokens = 0;
  let firstToken: number | undefined;
  for await (const e of events) {
    if (e.type === 'start') truncated = e.truncated;
    else if (e.type === 'token') {
      firstToken ??= performance.now() - started;
      tokens++;
      texts[e.index] = (texts[e.index] ?? '') + e.token.text;
      // A token can end inside a multi-byte character; the next one carries its text.
      if (e.token.text) yield { index: e.index, text: e.token.text };
    } else ends[e.index] = { text: texts[e.index] ?? '', finishReason: e.finishReason };
  }
  const total = performance.now() - started;
  yield {
    done: true,
    completions: ends.map((c, i) => c ?? { text: texts[i] ?? '', finishReason: 'length' }),
    truncated,
    timingsMs: { firstToken: round(firstToken ?? total), total: round(total) },
    tokens,
    tokensPerSecond: tokens === 0 ? 0 : Math.round((tokens * 1000) / total),
  };
}

/** The whole answer at once: `streamCompletion`'s last event. */
export async function complete(
  inference: InferenceService,
  model: string,
  req: CompletionRequest,
  signal?: AbortSignal,
): Promise<CompletionAnswer> {
  for await (const e of streamCompletion(inference, model, req, signal)) {
    if ('done' in e) {
      const { done: _done, ...answer } = e;
      return answer;
    }
  }
  throw new Error('the completion ended without an answer');
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
