import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';

// On a real port: a client that goes away mid-stream must give its slot back.
let app: FastifyInstance;
let url: string;
beforeAll(async () => {
  app = await buildApp({ webRoot: false });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
});

async function activeSlots(): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('shipml_generation_slots_active{'));
  return Number(line?.split(' ').at(-1) ?? NaN);
}

describe('a client that hangs up mid-stream', () => {
  it('frees its generation slot, as /metrics shows', async () => {
    const controller = new AbortController();
    const res = await fetch(`${url}/api/complete/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        prompt: 'A long story: ',
        maxNewTokens: 256,
        temperature: 1,
        seed: 1,
      }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await reader.read(); // the first piece of text: the stream is running
    expect(await activeSlots()).toBe(1);
    controller.abort();
    await expect.poll(activeSlots, { timeout: 10_000 }).toBe(0);
  });
});
