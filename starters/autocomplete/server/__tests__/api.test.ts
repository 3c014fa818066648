import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { CompletionAnswer } from '../pipeline/complete.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ webRoot: false });
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object });
const complete = async (body: object) => {
  const res = await post('/api/complete', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CompletionAnswer>();
};
/** The `data:` events of a Server-Sent Events body. */
const sseEvents = (body: string) =>
  body
    .split('\n\n')
    .filter((chunk) => chunk.startsWith('data: '))
    .map((chunk) => JSON.parse(chunk.slice(6)) as Record<string, unknown>);

describe('POST /api/complete', () => {
  it('completes greedily, the same text as the V2 generate route for the same parameters', async () => {
    const answer = await complete({
      prompt: 'Call me Ishmael. ',
      temperature: 0,
      maxNewTokens: 12,
    });
    expect(answer.completions).toHaveLength(1);
    expect(answer.completions[0]!.finishReason).toBe('length');
    expect(answer.tokens).toBe(12);
    expect(answer.truncated).toBe(false);
    expect(answer.timingsMs.firstToken).toBeLessThanOrEqual(answer.timingsMs.total);

    const v2 = await post('/v2/models/tiny-gpt/generate', {
      text_input: 'Call me Ishmael. ',
      parameters: { temperature: 0, max_tokens: 12 },
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json<{ text_output: string }>().text_output).toBe(answer.completions[0]!.text);
  });

  it('samples reproducibly with a seed, and gives n completions', async () => {
    const body = { prompt: 'The sea', temperature: 1, topK: 0, topP: 1, seed: 7, n: 3 };
    const a = await complete(body);
    const b = await complete(body);
    expect(a.completions.map((c) => c.text)).toEqual(b.completions.map((c) => c.text));
    expect(a.completions).toHaveLength(3);
    expect(new Set(a.completions.map((c) => c.text)).size).toBeGreaterThan(1);
  });

  it('starts from the start-of-text token for an empty prompt', async () => {
    const answer = await complete({ prompt: '', maxNewTokens: 5, temperature: 0 });
    expect(answer.completions).toHaveLength(1);
    const next = await post('/api/next-tokens', { prompt: '', k: 3 });
    expect(next.json<{ tokens: unknown[] }>().tokens).toHaveLength(3);
  });

  it('keeps the end of a prompt longer than the context, and says so', async () => {
    const answer = await complete({ prompt: 'whale '.repeat(200), maxNewTokens: 4 });
    expect(answer.truncated).toBe(true);
    expect(answer.tokens).toBe(4);
  });

  it.each([
    [{}, /prompt/],
    [{ prompt: { text: 'x' } }, /prompt/],
    [{ prompt: 'x', temperature: -1 }, /temperature/],
    [{ prompt: 'x', temperature: 'hot' }, /temperature/],
    [{ prompt: 'x', topP: 0 }, /topP/],
    [{ prompt: 'x', topK: 1.5 }, /topK/],
    [{ prompt: 'x', maxNewTokens: 10_000 }, /maxNewTokens/],
    [{ prompt: 'x', n: 9 }, /\bn\b/],
    [{ prompt: 'x', seed: -3 }, /seed/],
    [{ prompt: 'x', stop: ['a stop string far longer than allowed'] }, /stop/],
  ])('answers %j with 400 naming the field', async (body, field) => {
    const res = await post('/api/complete', body);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(field);
  });

  it('keeps serving under 100 concurrent requests: each is answered, or refused with 503 + Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post('/api/complete', { prompt: `request ${i}`, maxNewTokens: 8 }),
      ),
    );
    for (const res of answers) {
      expect([200, 503]).toContain(res.statusCode);
      if (res.statusCode === 503) expect(res.headers['retry-after']).toBeDefined();
    }
    expect(answers.filter((r) => r.statusCode === 200).length).toBeGreaterThan(0);
    await complete({ prompt: 'still here', maxNewTokens: 2 });
  });
});

describe('POST /api/complete/stream', () => {
  it('streams the text piece by piece, then the whole answer', async () => {
    const res = await post('/api/complete/stream', {
      prompt: 'It was',
      temperature: 0,
      maxNewTokens: 10,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    const events = sseEvents(res.body);
    const done = events.at(-1) as unknown as { done: boolean } & CompletionAnswer;
    expect(done.done).toBe(true);
    const pieces = events.slice(0, -1).map((e) => e.text as string);
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.join('')).toBe(done.completions[0]!.text);
  });

  it('answers bad parameters with a 400 before streaming', async () => {
    const res = await post('/api/complete/stream', { prompt: 'x', temperature: 99 });
    expect(res.statusCode).toBe(400);
  });
});

describe('POST /api/next-tokens', () => {
  it('lists the most likely next tokens, most likely first', async () => {
    const res = await post('/api/next-tokens', { prompt: 'Call me Ishmae', k: 5 });
    expect(res.statusCode).toBe(200);
    const { tokens } = res.json<{ tokens: { text: string; probability: number }[] }>();
    expect(tokens).toHaveLength(5);
    const probs = tokens.map((t) => t.probability);
    expect(probs).toEqual([...probs].sort((a, b) => b - a));
    expect(probs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.0001);
  });

  it('answers k out of range with 400', async () => {
    const res = await post('/api/next-tokens', { prompt: 'x', k: 500 });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(/\bk\b/);
  });
});

describe('the model server around it', () => {
  it('advertises the generate extension, and documents every route with its body and errors', async () => {
    const v2 = await app.inject('/v2');
    expect(v2.json<{ extensions: string[] }>().extensions).toContain('generate');
    const spec = (await app.inject('/docs/json')).json<{
      paths: Record<string, Record<string, { requestBody?: unknown; responses: object }>>;
    }>();
    for (const path of ['/api/complete', '/api/complete/stream', '/api/next-tokens']) {
      const op = spec.paths[path]?.post;
      expect(op?.requestBody, path).toBeDefined();
      expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(['200', '400', '503']));
    }
  });
});
