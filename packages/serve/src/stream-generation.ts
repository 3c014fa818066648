import { Channel } from './channel.js';
import { ClientClosedError } from './errors.js';
import type { SubmitOptions } from './scheduler/model-queue.js';
import type { StreamScheduler } from './scheduler/stream-scheduler.js';
import type { GenerateEvent, NextTokens } from './types.js';
import type { StreamRequest } from './worker/causal-lm/completion.js';
import type { StreamEvent } from './worker/protocol.js';

/** A generate event before the caller's clock is read (`done` gains `timings` later). */
export type UntimedEvent =
  | Exclude<GenerateEvent, { type: 'done' }>
  | Omit<Extract<GenerateEvent, { type: 'done' }>, 'timings'>;

interface StreamOptions extends SubmitOptions {
  /** Called once with the outcome's HTTP-like status (200, 499 if the consumer left, or the error's). */
  onEnd(status: number): void;
}

/**
 * Runs a generation on a causal LM's stream loops: `start`, then each completion's tokens
 * (interleaved when `n` > 1) and its `done`. Leaving the loop early cancels the request; its
 * worker frees the slots at its next step.
 */
export function streamGeneration(
  scheduler: StreamScheduler,
  prompt: string,
  params: StreamRequest,
  opts: StreamOptions,
): AsyncIterable<UntimedEvent> {
  return {
    async *[Symbol.asyncIterator]() {
      const channel = new Channel<StreamEvent>();
      let status = 499; // unless it finishes or fails below, the consumer went away
      const cancel = scheduler.submit({ type: 'join', prompt, params }, params.n, opts, {
        onEvent: (e) => channel.push(e),
        onEnd: (err) => (err ? channel.fail(err) : channel.close()),
      });
      try {
        for await (const e of channel) {
          const event = generateEvent(e);
          if (event) yield event;
        }
        status = 200;
      } catch (err) {
        status = (err as { statusCode?: number }).statusCode ?? 500;
        throw err;
      } finally {
        if (status !== 200) cancel();
        opts.onEnd(status);
      }
    },
  };
}

/** A stream loop's event as a generate event, or undefined for those a caller does not see. */
export function generateEvent(e: StreamEvent): UntimedEvent | undefined {
  if (e.kind === 'start')
    return { type: 'start', promptTokens: e.promptTokens, truncated: e.truncated };
  if (e.kind === 'token') return { type: 'token', index: e.index, token: e.token };
  if (e.kind === 'end' && e.finishReason !== 'cancelled') {
    return {
      type: 'done',
      index: e.index,
      finishReason: e.finishReason,
      generatedTokens: e.generated,
    };
  }
  return undefined;
}

/** The `topK` most likely next tokens after `prompt`, through the same slots and queue. */
export function probeNextTokens(
  scheduler: StreamScheduler,
  prompt: string,
  topK: number,
  opts: SubmitOptions,
): Promise<NextTokens> {
  return new Promise((resolve, reject) => {
    let result: NextTokens | undefined;
    scheduler.submit({ type: 'probe', prompt, topK }, 1, opts, {
      onEvent: (e) => {
        if (e.kind === 'probe') result = e.result;
      },
      onEnd: (err) =>
        err ? reject(err) : result ? resolve(result) : reject(new ClientClosedError()),
    });
  });
}

/**
 * Adds `timings` to each `done` (ms since `startedAt`) and reports the first token's delay to
 * `onFirstToken` (seconds), once.
 */
export async function* withTimings(
  events: AsyncIterable<UntimedEvent>,
  startedAt: number,
  onFirstToken: (seconds: number) => void,
): AsyncGenerator<GenerateEvent> {
  let firstTokenMs: number | undefined;
  for await (const e of events) {
    if (e.type === 'token' && firstTokenMs === undefined) {
      firstTokenMs = performance.now() - startedAt;
      onFirstToken(firstTokenMs / 1000);
    }
    if (e.type === 'done') {
      yield { ...e, timings: { firstTokenMs, totalMs: performance.now() - startedAt } };
    } else yield e;
  }
}
