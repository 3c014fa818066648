import { affineModel } from '@shipml/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../index.js';
import { metricValue, modelDir, tinyGpt2 } from './helpers.js';

const dir = modelDir();
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  app = await createServer({
    models: [
      // A long context, so a stream of 1000 tokens is still running when its client leaves.
      {
        name: 'gpt',
        backend: 'causal-lm',
        path: tinyGpt2(dir, 'gpt', { eosBias: -100, context: 1024 }),
        slotsPerWorker: 4,
        maxQueueSize: 8,
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

const metric = async (name: string, labels?: Record<string, string>) =>
  metricValue(await (await fetch(`${base}/metrics`)).text(), name, 'gpt', labels);

/** Parses `data: {...}` SSE events. */
function sse(text: string): Record<string, unknown>[] {
  return text
    .split('\n\n')
    .filter((e) => e.startsWith('data: '))
    .map((e) => JSON.parse(e.slice(6)) as Record<string, unknown>);
}

describe('generate over HTTP (causal-lm)', () => {
  it('frees the slot of a client that goes away mid-stream', async () => {
    const controller = new AbortController();
    const res = await post(
      '/v2/models/gpt/generate_stream',
      { text_input: 'a long story', parameters: { max_tokens: 1000 } },
      controller.signal,
    );
    const reader = res.body!.getReader();
    await reader.read();
    expect(await metric('shipml_generation_slots_active')).toBe(1);
    controller.abort();
    const until = Date.now() + 10_000;
    while ((await metric('shipml_generation_slots_active')) !== 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await metric('shipml_generation_slots_active')).toBe(0);
    // Stopped long before its 1000 tokens; counted as a request whose client left.
    expect(await metric('shipml_generated_tokens_total')).toBeLessThan(900);
    expect(await metric('shipml_requests_total', { outcome: 'failure', status: '499' })).toBe(1);
  });

  it('queues or refuses (503 + Retry-After) 100 concurrent requests, and keeps serving', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post('/v2/models/gpt/generate', {
          text_input: `user ${i}`,
          parameters: { max_tokens: 20 },
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    // 4 slots and 8 queue places at least: those are served.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(12);
    for (const r of answers.filter((a) => a.status === 503)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await r.json()).toMatchObject({
        error: expect.stringMatching(/overloaded/) as unknown,
      });
    }
    for (const r of answers.filter((a) => a.status === 200)) {
      expect(((await r.json()) as { text_output: string }).text_output.length).toBeGreaterThan(0);
    }
    const after = await post('/v2/models/gpt/generate', {
      text_input: 'x',
      parameters: { max_tokens: 2 },
    });
    expect(after.status).toBe(200);
  });

  it('streams n completions with their index, and says when the prompt was cut', async () => {
    const res = await post('/v2/models/gpt/generate_stream', {
      text_input: 'z'.repeat(1100),
      parameters: { max_tokens: 3, n: 2, temperature: 1, seed: 1, details: true },
    });
    expect(res.status).toBe(200);
    const events = sse(await res.text());
    expect(events[0]).toMatchObject({ truncated: true });
    const tokens = events.filter((e) => !e.details);
    expect(tokens.filter((e) => e.index === 0)).toHaveLength(3);
    expect(tokens.filter((e) => e.index === 1)).toHaveLength(3);
    const done = events.filter((e) => e.details);
    expect(done.map((e) => e.index).sort()).toEqual([0, 1]);
    expect(done[0]).toMatchObject({ details: { finish_reason: 'length', generated_tokens: 3 } });
  });

  it('answers bad parameters with 422 naming the field (as generate_rest.yaml asks)', async () => {
    for (const parameters of [{ top_k: -1 }, { seed: 'x' }, { n: 99 }]) {
      const res = await post('/v2/models/gpt/generate', { text_input: 'a', parameters });
      expect(res.status).toBe(422);
      const field = Object.keys(parameters)[0]!;
      expect(((await res.json()) as { error: string }).error).toContain(field);
    }
  });

  it('lists the generate extension only where a model generates', async () => {
    expect(await (await fetch(`${base}/v2`)).json()).toMatchObject({ extensions: ['generate'] });
    const plain = await createServer({
      models: [{ name: 'affine', backend: 'onnx', path: dir.write('affine.onnx', affineModel()) }],
    });
    try {
      const res = await plain.inject('/v2');
      expect(res.json()).toMatchObject({ extensions: [] });
    } finally {
      await plain.close();
    }
  });
});
