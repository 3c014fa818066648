import { MessageChannel } from 'node:worker_threads';
import { Channel } from './channel.js';
import { GenerateInputError } from './errors.js';
import type { ModelQueue } from './scheduler/model-queue.js';
import type { WorkerPool } from './scheduler/worker-pool.js';
import type { GenerateEvent, GenerateParameters } from './types.js';
import type { GenerateMessage } from './worker/protocol.js';

/** Body of `POST …/generate` (generate_rest.yaml `GenerateRequest`). */
export interface GenerateRequestInput {
  text_input: string;
  parameters?: GenerateParameters;
}

/** Largest `max_tokens` accepted. */
export const MAX_TOKENS_LIMIT = 4096;

/** Checks a generate request against generate_rest.yaml's `GenerateParameters`; throws 422. */
export function checkGenerateRequest(req: GenerateRequestInput): GenerateParameters {
  if (typeof req?.text_input !== 'string')
    throw new GenerateInputError("'text_input' must be a string");
  const p = req.parameters ?? {};
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    throw new GenerateInputError("'parameters' must be an object");
  }
  const num = (key: string, v: unknown, min: number, max: number, int = false) => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !(v >= min && v <= max) || (int && !Number.isInteger(v))) {
      throw new GenerateInputError(
        `parameters.${key} must be ${int ? 'an integer' : 'a number'} in [${min}, ${max}]`,
      );
    }
  };
  num('temperature', p.temperature, 0, Number.MAX_VALUE);
  num('top_p', p.top_p, 0, 1);
  num('max_tokens', p.max_tokens, 1, MAX_TOKENS_LIMIT, true);
  if (
    p.stop !== undefined &&
    !(Array.isArray(p.stop) && p.stop.every((s) => typeof s === 'string'))
  ) {
    throw new GenerateInputError('parameters.stop must be an array of strings');
  }
  if (p.details !== undefined && typeof p.details !== 'boolean') {
    throw new GenerateInputError('parameters.details must be a boolean');
  }
  return p;
}

interface GenerationOptions {
  signal?: AbortSignal;
  deadlineAt?: number;
  /** Called once with the outcome's HTTP-like status (200, or the error's). */
  onEnd(status: number): void;
}

/**
 * Queues a generation for exclusive use of one worker and relays its tokens. The worker posts
 * tokens on a MessagePort; leaving the loop early posts 'cancel' so the worker stops.
 */
export function startGeneration(
  queue: ModelQueue,
  pool: WorkerPool,
  text: string,
  parameters: GenerateParameters,
  opts: GenerationOptions,
): AsyncIterable<GenerateEvent> {
  return {
    async *[Symbol.asyncIterator]() {
      const channel = new Channel<GenerateMessage>();
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (msg: GenerateMessage) => channel.push(msg));
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      let status = 499; // unless we finish or fail below, the consumer went away
      const job = queue.exclusive(() => pool.generate(text, parameters, port2), {
        signal: controller.signal,
        ...(opts.deadlineAt === undefined ? {} : { deadlineAt: opts.deadlineAt }),
      });
      job.catch((err: unknown) => channel.fail(err));
      try {
        for await (const msg of channel) {
          if (msg.type === 'token') {
            yield { type: 'token', token: msg.token };
          } else {
            if (msg.finishReason !== 'cancelled') {
              status = 200;
              yield { type: 'done', finishReason: msg.finishReason };
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
