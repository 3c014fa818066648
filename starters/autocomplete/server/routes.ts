import { clientSignal, sendEventStream } from '@shipml/serve';
import type { FastifyPluginAsync } from 'fastify';
import { complete, streamCompletion, type CompletionRequest } from './pipeline/complete.js';
import { nextTokens } from './pipeline/next-tokens.js';
import {
  completionAnswerSchema,
  completionRequestSchema,
  errorAnswers,
  nextTokensAnswerSchema,
  nextTokensRequestSchema,
} from './schemas.js';

export interface RoutesOptions {
  /** The served language model's name (its id in models.json). */
  model: string;
}

/** This app's API, mounted under `/api`. */
export const routes: FastifyPluginAsync<RoutesOptions> = async (app, { model }) => {
  app.get(
    '/model',
    {
      schema: {
        summary: 'The language model this app serves',
        response: { 200: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    },
    () => ({ name: model }),
  );

  app.post<{ Body: CompletionRequest }>(
    '/complete',
    {
      schema: {
        summary: 'Complete a prompt',
        body: completionRequestSchema,
        response: { 200: completionAnswerSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      // 1. Take the request: fastify has checked it against the schema (400 naming the field).
      const req = request.body;
      // 2. Stop the work if the client goes away (the page aborts stale requests as you type).
      const clientGone = clientSignal(reply);
      // 3. Complete it: tokens in, one model call per new token, sampled, joined back to text.
      const answer = await complete(app.inference, model, req, clientGone);
      // 4. Answer: { completions: [{ text, finishReason }], truncated, timingsMs, … }.
      return answer;
    },
  );

  app.post<{ Body: CompletionRequest }>(
    '/complete/stream',
    {
      schema: {
        summary: 'Complete a prompt, streamed as Server-Sent Events',
        description:
          'One `data:` event per piece of text (`{"index", "text"}`), then a last event with the whole answer (`{"done": true, "completions", "truncated", "timingsMs", …}`).',
        body: completionRequestSchema,
        response: {
          200: { description: 'text/event-stream', type: 'string' },
          ...errorAnswers,
        },
      },
    },
    async (request, reply) => {
      // The same four steps, but each piece of text goes out as soon as the model makes it.
      const events = streamCompletion(app.inference, model, request.body, clientSignal(reply));
      return sendEventStream(reply, events);
    },
  );

  app.post<{ Body: { prompt: string; k?: number } }>(
    '/next-tokens',
    {
      schema: {
        summary: 'The most likely next tokens after a prompt, with their probabilities',
        body: nextTokensRequestSchema,
        response: { 200: nextTokensAnswerSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const { prompt, k = 8 } = request.body;
      return nextTokens(app.inference, model, prompt, k, clientSignal(reply));
    },
  );
};
