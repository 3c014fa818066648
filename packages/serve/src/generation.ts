import { MessageChannel } from 'node:worker_threads';
import { Channel } from './channel.js';
import { InvalidInputError } from './errors.js';
import type { ModelQueue } from './scheduler/model-queue.js';
import type { WorkerPool } from './scheduler/worker-pool.js';
import type { UntimedEvent } from './stream-generation.js';
import type { GenerateParameters } from './types.js';
import type { StreamRequest } from './worker/causal-lm/completion.js';
import type { GenerateMessage } from './worker/protocol.js';

/** Body of `POST …/generate` (generate_rest.yaml `GenerateRequest`). */
export interface GenerateRequestInput {
  text_input: string;
  parameters?: GenerateParameters;
}

/** Largest `max_tokens` accepted. */
export const MAX_TOKENS_LIMIT = 4096;
/** Largest `n` (completions per request) accepted. */
export const MAX_COMPLETIONS = 16;
const MAX_STOP_SEQUENCES = 16;

/**
 * Checks a generate request; throws 400 naming the field that is wrong (the V2 routes answer
 * it with 422, as generate_rest.yaml asks).
 */
export function checkGenerateRequest(req: GenerateRequestInput): GenerateParameters {
  if (typeof req?.text_input !== 'string') {
    throw new InvalidInputError("'text_input' must be a string");
  }
  const p = req.parameters ?? {};
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    throw new InvalidInputError("'parameters' must be an object");
  }
  const num = (key: string, min: number, max: number, int = false, minOpen = false) => {
    const v = p[key];
    if (v === undefined) return;
    const inRange = typeof v === 'number' && (minOpen ? v > min : v >= min) && v <= max;
    if (!inRange || (int && !Number.isInteger(v))) {
      const range = `${minOpen ? '(' : '['}${min}, ${max}]`;
      throw new InvalidInputError(
        `parameters.${key} must be ${int ? 'an integer' : 'a number'} in ${range}`,
      );
    }
  };
  num('temperature', 0, 100);
  num('top_p', 0, 1, false, true);
  num('top_k', 0, 1_000_000, true);
  num('seed', 0, 2 ** 32 - 1, true);
  num('n', 1, MAX_COMPLETIONS, true);
  num('max_tokens', 1, MAX_TOKENS_LIMIT, true);
  if (
    p.stop !== undefined &&
    !(
      Array.isArray(p.stop) &&
      p.stop.length <= MAX_STOP_SEQUENCES &&
      p.stop.every((s) => typeof s === 'string')
    )
  ) {
    throw new InvalidInputError(
      `parameters.stop must be an array of at most ${MAX_STOP_SEQUENCES} strings`,
    );
  }
  if (p.details !== undefined && typeof p.details !== 'boolean') {
    throw new InvalidInputError('parameters.details must be a boolean');
  }
  return p;
}

/** Checked parameters → what a causal LM's worker needs (a random seed when none is given). */
export function streamRequest(p: GenerateParameters): StreamRequest {
  return {
    seed: p.seed ?? Math.floor(Math.random() * 2 ** 32),
    stop: p.stop ?? [],
    n: p.n ?? 1,
    ...(p.max_tokens === undefined ? {} : { maxTokens: p.max_tokens }),
    ...(p.temperature === undefined ? {} : { temperature: p.temperature }),
    ...(p.top_k === undefined ? {} : { topK: p.top_k }),
    ...(p.top_p === undefined ? {} : { topP: p.top_p }),
  };
}

interface GenerationOptions {
  signal?: AbortSignal;
  deadlineAt?: number;
  /** Called once with the outcome's HTTP-like status (200, or the error's). */
  onEnd(status: number): void;
}

/**
 * Queues a pipeline's generation for exclusive use of one worker and relays its tokens (causal
 * LMs batch theirs instead: see `streamGeneration`). The worker posts
 * tokens on a MessagePort; leaving the loop early posts 'cancel' so the worker stops.
 */
export function startGeneration(
  queue: ModelQueue,
  pool: WorkerPool,
  text: string,
  parameters: GenerateParameters,
  opts: GenerationOptions,
): AsyncIterable<UntimedEvent> {
  return {
    async *[Symbol.asyncIterator]() {
      const channel = new Channel<GenerateMessage>();
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (msg: GenerateMessage) => channel.push(msg));
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      let status = 499; // unless we finish or fail below, the consumer went away
      let count = 0;
      const job = queue.exclusive(() => pool.generate(text, parameters, port2), {
        signal: controller.signal,
        ...(opts.deadlineAt === undefined ? {} : { deadlineAt: opts.deadlineAt }),
      });
      job.catch((err: unknown) => channel.fail(err));
      try {
        for await (const msg of channel) {
          if (msg.type === 'token') {
            count++;
            yield { type: 'token', index: 0, token: msg.token };
          } else {
            if (msg.finishReason !== 'cancelled') {
              status = 200;
              yield {
                type: 'done',
                index: 0,
                finishReason: msg.finishReason,
                generatedTokens: count,
              };
            }
            return;
          }
        }
      } catch (err) {
        status = (err as { statusCode?: number }).statusCode ?? 500;
        throw err;
      } finally {
        opts.signal?.removeEventListener('abort', onAbort);
        if (status !== 200) port1.postMessage('cancel');
        controller.abort();
        port1.close();
        opts.onEnd(status);
      }
    },
  };
}
