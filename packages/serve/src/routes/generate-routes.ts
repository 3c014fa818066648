import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GenerateInputError, InvalidInputError } from '../errors.js';
import { clientSignal, deadlineFrom, requireJson } from '../http/request-context.js';
import { sendEventStream } from '../http/sse.js';
import type { GenerateRequestInput } from '../generation.js';
import type { GeneratedToken, GenerateEvent } from '../types.js';
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
    let events: AsyncIterable<GenerateEvent>;
    try {
      events = app.inference.generate(name, request.body, {
        ...(version === undefined ? {} : { version }),
        ...(deadlineMs === undefined ? {} : { deadlineMs }),
        signal: clientSignal(reply),
      });
    } catch (err) {
      // A bad parameter is 400 elsewhere; this protocol wants 422.
      if (err instanceof InvalidInputError) throw new GenerateInputError(err.message);
      throw err;
    }
    const base = { model_name: model.name, model_version: model.version };
    const { details, n } = request.body.parameters ?? {};
    return { events, base, details: details === true, many: (n ?? 1) > 1 };
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
        const texts: string[] = [];
        const tokens: GeneratedToken[] = [];
        const ends: Extract<GenerateEvent, { type: 'done' }>[] = [];
        let truncated = false;
        for await (const e of events) {
          if (e.type === 'start') truncated = e.truncated;
          else if (e.type === 'token') {
            texts[e.index] = (texts[e.index] ?? '') + e.token.text;
            if (e.index === 0) tokens.push(e.token);
          } else ends[e.index] = e;
        }
        const end = ends[0];
        return {
          text_output: texts[0] ?? '',
          ...base,
          ...(texts.length > 1 ? { text_outputs: texts } : {}),
          ...(truncated ? { truncated } : {}),
          ...(details && end ? { details: { ...doneDetails(end), logprobs: tokens } } : {}),
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
        const { events, base, details, many } = start(request, reply);
        return sendEventStream(reply, v2Events(events, base, details, many));
      },
    );
  }
}

/** `details` fields of a finished completion (beyond the spec's `finish_reason`). */
function doneDetails(e: Extract<GenerateEvent, { type: 'done' }>) {
  return {
    finish_reason: e.finishReason,
    generated_tokens: e.generatedTokens,
    first_token_ms: e.timings.firstTokenMs ?? null,
    total_ms: e.timings.totalMs,
  };
}

/**
 * The stream's events in the protocol's shape: one per token (with `index` when `n` > 1, and
 * `truncated: true` on the first when the prompt was cut); with `details`, a last event per
 * completion carries its finish reason.
 */
async function* v2Events(
  events: AsyncIterable<GenerateEvent>,
  base: { model_name: string; model_version: string },
  details: boolean,
  many: boolean,
): AsyncGenerator<object> {
  const last: GeneratedToken[] = [];
  let note: { truncated?: true; index?: number } = {};
  for await (const e of events) {
    if (e.type === 'start') {
      if (e.truncated) note = { truncated: true };
    } else if (e.type === 'token') {
      last[e.index] = e.token;
      const index = many ? { index: e.index } : {};
      yield {
        text_output: e.token.text,
        ...base,
        ...note,
        ...index,
        ...(details ? { token: e.token } : {}),
      };
      note = {};
    } else if (details) {
      const token = last[e.index] ?? { id: 0, text: '', logprob: 0, special: true };
      yield {
        text_output: '',
        ...base,
        ...(many ? { index: e.index } : {}),
        details: { ...doneDetails(e), token },
      };
    }
  }
}
