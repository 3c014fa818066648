import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { FinishReason, GenerateParameters } from '../types.js';
import type { LoadedModel } from './backend.js';
import type { GenerateMessage } from './protocol.js';

const DEFAULT_MAX_TOKENS = 20;

/**
 * Runs a generation inside the worker: posts each token on `port`, stops at `max_tokens`, at a
 * `stop` sequence (the text includes it), at the pipeline's end, or when 'cancel' arrives.
 */
export async function driveGeneration(
  model: LoadedModel,
  text: string,
  parameters: GenerateParameters,
  port: MessagePort,
): Promise<void> {
  const maxTokens = parameters.max_tokens ?? DEFAULT_MAX_TOKENS;
  const stop = parameters.stop ?? [];
  const controller = new AbortController();
  // Checked synchronously between tokens: the generator keeps this thread busy.
  const cancelled = () =>
    receiveMessageOnPort(port)?.message === 'cancel' || controller.signal.aborted;
  const maxStop = Math.max(0, ...stop.map((s) => s.length));
  let finishReason: FinishReason | 'cancelled' = 'eos_token';
  let produced = '';
  let count = 0;
  try {
    for await (const token of model.generate!({ text, parameters }, controller.signal)) {
      if (cancelled()) {
        controller.abort();
        finishReason = 'cancelled';
        break;
      }
      post(port, { type: 'token', token });
      produced += token.text;
      count++;
      // Only the tail can hold a stop sequence that this token completed.
      const tail = produced.slice(-(maxStop + token.text.length));
      if (stop.some((s) => s.length > 0 && tail.includes(s))) {
        finishReason = 'stop_sequence';
        break;
      }
      if (count >= maxTokens) {
        finishReason = 'length';
        break;
      }
    }
  } catch (err) {
    port.close();
    throw err; // the task rejects; the main thread reports the error
  }
  post(port, { type: 'done', finishReason });
  port.close();
}

function post(port: MessagePort, message: GenerateMessage): void {
  port.postMessage(message);
}
