import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GenerateInputError, messageOf } from '../errors.js';
import { clientSignal, deadlineFrom, requireJson } from '../http/request-context.js';
import type { GenerateRequestInput } from '../generation.js';
import type { FinishReason, GeneratedToken, GenerateEvent } from '../types.js';
import { generateRequestSchema, modelParams } from './schemas.js';

type Req = FastifyRequest<{
  Params: { name: string; version?: string };
  Body: GenerateRequestInput;
}>;

/**
 * The generate extension: `POST …/generate` (one JSON answer) and `POST …/generate_stream`
 * (Server-Sent Events, one `data:` event per token). A closed connection stops the generation.
 */
export function generateRoutes(app: FastifyInstance, deadlineHeader: string): void {
  const schema = { tags: ['generate'], params: modelParams, body: generateRequestSchema };

  function start(request: Req, reply: FastifyReply) {
    // generate_rest.yaml answers input validation errors with 422.
    if (request.validationError) throw new GenerateInputError(request.validationError.message);
    const { name, version } = request.params;
    const model = app.inference.model(name, version);
    const deadlineMs = deadlineFrom(request, deadlineHeader);
    const events = app.inference.generate(name, request.body, {
      ...(version === undefined ? {} : { version }),
      ...(deadlineMs === undefined ? {} : { deadlineMs }),
      signal: clientSignal(reply),
    });
    const base = { model_name: model.name, model_version: model.version };
    return { events, base, details: request.body.parameters?.details === true };
  }

  for (const prefix of ['/v2/models/:name', '/v2/models/:name/versions/:version']) {
    app.post(
      `${prefix}/generate`,
      {
        schema: { ...schema, summary: 'Generate text' },
        attachValidation: true,
        onRequest: requireJson,
      },
      async (request: Req, reply) => {
        const { events, base, details } = start(request, reply);
        const tokens: GeneratedToken[] = [];
        let finishReason: FinishReason = 'eos_token';
        for await (const e of events) {
          if (e.type === 'token') tokens.push(e.token);
          else finishReason = e.finishReason;
        }
        return {
          text_output: tokens.map((t) => t.text).join(''),
          ...base,
          ...(details ? { details: { finish_reason: finishReason, logprobs: tokens } } : {}),
        };
      },
    );

    app.post(
      `${prefix}/generate_stream`,
      {
        schema: { ...schema, summary: 'Generate text as Server-Sent Events' },
        attachValidation: true,
        onRequest: requireJson,
      },
      async (request: Req, reply) => {
        const { events, base, details } = start(request, reply);
        const it = events[Symbol.asyncIterator]();
        // Wait for the first event before answering 200, so queue-full, deadline and
        // load errors still get their own status codes.
        const first = await it.next();
        const sse = sseEvents(first, it, base, details);
        return reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache')
          .header('x-accel-buffering', 'no')
          .send(Readable.from(sse, { objectMode: false }));
      },
    );
  }
}

/** One SSE `data:` line per token; with `details`, a final event carries the finish reason. */
async function* sseEvents(
  first: IteratorResult<GenerateEvent>,
  rest: AsyncIterator<GenerateEvent>,
  base: { model_name: string; model_version: string },
  details: boolean,
): AsyncGenerator<string> {
  const data = (obj: object) => `data: ${JSON.stringify(obj)}\n\n`;
  let last: GeneratedToken = { id: 0, text: '', logprob: 0, special: true };
  let result = first;
  try {
    while (!result.done) {
      const e = result.value;
      if (e.type === 'token') {
        last = e.token;
        yield data({ text_output: e.token.text, ...base, ...(details ? { token: e.token } : {}) });
      } else if (details) {
        yield data({
          text_output: '',
          ...base,
          details: { finish_reason: e.finishReason, token: last },
        });
      }
      result = await rest.next();
    }
  } catch (err) {
    // Headers are gone already: report the failure in-band, then end the stream.
    yield data({ error: messageOf(err) });
  } finally {
    // Client gone or stream ended: stop the generation in its worker.
    await rest.return?.();
  }
}
