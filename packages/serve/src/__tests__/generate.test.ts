import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextTokenModel } from '@shipml/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../index.js';
import { alphabetPipeline, modelDir } from './helpers.js';

const dir = modelDir();
const logPath = join(dir.path, 'slow-tokens.log');
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  const modelPath = dir.write('next-token.onnx', nextTokenModel(27));
  app = await createServer({
    models: [
      { name: 'alphabet', backend: 'pipeline', path: alphabetPipeline, options: { modelPath } },
      // One worker, 40 ms per token, every token logged: shows when generation really stops.
      {
        name: 'slow',
        backend: 'pipeline',
        path: alphabetPipeline,
        options: { modelPath, tokenDelayMs: 40, logPath },
      },
    ],
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

const post = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(base + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

/** Parses `data: {...}` SSE events. */
function events(text: string): Record<string, unknown>[] {
  return text
    .split('\n\n')
    .filter((e) => e.startsWith('data: '))
    .map((e) => JSON.parse(e.slice(6)) as Record<string, unknown>);
}

describe('generate extension', () => {
  it('generates until the end-of-sequence token', async () => {
    const res = await post('/v2/models/alphabet/generate', { text_input: 'u' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      text_output: 'vwxyz',
      model_name: 'alphabet',
      model_version: '1',
    });
  });

  it('stops at max_tokens and at stop sequences, with details', async () => {
    const res = await post('/v2/models/alphabet/versions/1/generate', {
      text_input: 'a',
      parameters: { max_tokens: 3, details: true },
    });
    const body = (await res.json()) as {
      text_output: string;
      details: { finish_reason: string; logprobs: unknown[] };
    };
    expect(body.text_output).toBe('bcd');
    expect(body.details.finish_reason).toBe('length');
    expect(body.details.logprobs).toHaveLength(3);
    expect(body.details.logprobs[0]).toMatchObject({ id: 2, text: 'b', special: false });

    const stopped = await post('/v2/models/alphabet/generate', {
      text_input: 'a',
      parameters: { stop: ['ef'], details: true },
    });
    const s = (await stopped.json()) as { text_output: string; details: { finish_reason: string } };
    expect(s.text_output).toBe('bcdef');
    expect(s.details.finish_reason).toBe('stop_sequence');
  });

  it('streams tokens as Server-Sent Events', async () => {
    const res = await post('/v2/models/alphabet/generate_stream', {
      text_input: 'w',
      parameters: { details: true },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const list = events(await res.text());
    expect(list.map((e) => e.text_output)).toEqual(['x', 'y', 'z', '']);
    expect(list.at(-1)).toMatchObject({
      details: { finish_reason: 'eos_token', token: { text: 'z' } },
    });
    expect(list[0]).toMatchObject({ model_name: 'alphabet', token: { id: 24, text: 'x' } });
  });

  it('answers invalid parameters with 422 and unknown models with 404', async () => {
    const bad = await post('/v2/models/alphabet/generate', {
      text_input: 'a',
      parameters: { max_tokens: 0 },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toMatch(/max_tokens/);
    const missing = await post('/v2/models/alphabet/generate_stream', { parameters: {} });
    expect(missing.status).toBe(422);
    const unknown = await post('/v2/models/nope/generate', { text_input: 'a' });
    expect(unknown.status).toBe(404);
  });

  it('runs the pipeline’s infer too', async () => {
    const res = await post('/v2/models/alphabet/infer', {
      inputs: [{ name: 'text', datatype: 'BYTES', shape: [2], data: ['abc', 'q'] }],
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { outputs: unknown[] }).outputs).toEqual([
      { name: 'next', datatype: 'BYTES', shape: [2], data: ['d', 'r'] },
    ]);
  });

  it('stops generating when the client disconnects', async () => {
    const controller = new AbortController();
    const res = await post(
      '/v2/models/slow/generate_stream',
      { text_input: 'a' },
      controller.signal,
    );
    const reader = res.body!.getReader();
    await reader.read(); // the first token has arrived
    controller.abort();
    // The model has one worker: this runs only once the first generation has given it back.
    const next = await post('/v2/models/slow/generate', { text_input: 'x' });
    expect(((await next.json()) as { text_output: string }).text_output).toBe('yz');
    const logged = readFileSync(logPath, 'utf8').trim().split('\n');
    // Without cancellation the first generation would have logged b…z (25 tokens) before 'y', 'z'.
    expect(logged.slice(-2)).toEqual(['y', 'z']);
    expect(logged.length).toBeLessThan(25);
  });
});
