import { MessageChannel } from 'node:worker_threads';
import { Channel } from './channel.js';
import { checkGenerateRequest, streamRequest, type GenerateRequestInput } from './generation.js';
import { generateEvent, withTimings, type UntimedEvent } from './stream-generation.js';
import type { GenerateEvent } from './types.js';
import { loadCausalLm } from './worker/causal-lm/hf-model.js';
import { serveStreams } from './worker/causal-lm/step-loop.js';
import type { StreamBatch, StreamCommand, StreamEvent } from './worker/protocol.js';

/** A causal LM run by the same step loop as serve's workers, in this thread. */
export interface LocalGenerator {
  /** The same events as `app.inference.generate`; leaving the loop early cancels it. */
  generate(request: GenerateRequestInput): AsyncIterable<GenerateEvent>;
  /** Ends the step loop and releases the session. */
  close(): Promise<void>;
}

/**
 * Opens a Hugging Face ONNX causal-LM folder and runs @shipml/serve's generation code (the
 * continuous-batching step loop, its KV cache and sampler) in this thread, with no server, no
 * worker thread and no HTTP: the baseline a benchmark compares the server with, or a script's
 * way to generate exactly as the server does. `threads` is ONNX Runtime's intra-op threads.
 */
export async function openLocalGenerator(folder: string, threads = 1): Promise<LocalGenerator> {
  const lm = await loadCausalLm(folder, threads);
  const { port1, port2 } = new MessageChannel();
  const loop = serveStreams(lm, port2);
  const listeners = new Map<number, Channel<StreamEvent>>();
  port1.on('message', (batch: StreamBatch) => {
    for (const e of batch.events) {
      const channel = listeners.get(e.id);
      if (!channel) continue;
      if (e.kind === 'error') channel.fail(new Error(e.message));
      else channel.push(e);
      if (e.kind === 'done' || e.kind === 'error') channel.close();
    }
  });
  let nextId = 1;
  const send = (command: StreamCommand) => port1.postMessage(command);
  return {
    generate(request) {
      const params = streamRequest(checkGenerateRequest(request));
      const id = nextId++;
      async function* events(): AsyncGenerator<UntimedEvent> {
        const channel = new Channel<StreamEvent>();
        listeners.set(id, channel);
        send({ type: 'join', id, prompt: request.text_input, params });
        let finished = false;
        try {
          for await (const e of channel) {
            const event = generateEvent(e);
            if (event) yield event;
          }
          finished = true;
        } finally {
          listeners.delete(id);
          if (!finished) send({ type: 'cancel', id });
        }
      }
      return withTimings(events(), performance.now(), () => undefined);
    },
    async close() {
      send({ type: 'stop' });
      await loop;
      port1.close();
    },
  };
}
