import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalGenerator, type LocalGenerator } from '../causal-lm-local.js';
import { createServer } from '../create-server.js';
import type { GenerateEvent } from '../types.js';
import { modelDir, tinyGpt2 } from './helpers.js';

async function texts(events: AsyncIterable<GenerateEvent>): Promise<string[]> {
  const out: string[] = [];
  for await (const e of events)
    if (e.type === 'token') out[e.index] = (out[e.index] ?? '') + e.token.text;
  return out;
}

describe('openLocalGenerator', () => {
  const folder = tinyGpt2(modelDir(), 'gpt');
  let local: LocalGenerator;
  beforeAll(async () => {
    local = await openLocalGenerator(folder);
  });
  afterAll(() => local.close());

  it('generates what the server generates, token for token, in this thread', async () => {
    const app = await createServer({
      models: [{ name: 'gpt', backend: 'causal-lm', path: folder }],
    });
    try {
      const request = {
        text_input: 'Hello there',
        parameters: { max_tokens: 20, temperature: 0.8, seed: 3, n: 2 },
      };
      const served = await texts(app.inference.generate('gpt', request));
      expect(await texts(local.generate(request))).toEqual(served);
      expect(served).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it('reports each completion with timings, and rejects a bad parameter by name', async () => {
    const done: GenerateEvent[] = [];
    for await (const e of local.generate({ text_input: '', parameters: { max_tokens: 5 } }))
      if (e.type === 'done') done.push(e);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ type: 'done', generatedTokens: expect.any(Number) });
    expect(() => local.generate({ text_input: 'x', parameters: { temperature: -1 } })).toThrow(
      /temperature/,
    );
  });

  it('stops a generation whose consumer leaves early', async () => {
    let tokens = 0;
    for await (const e of local.generate({ text_input: 'x', parameters: { max_tokens: 500 } })) {
      if (e.type === 'token' && ++tokens === 3) break;
    }
    // The loop is free again: the next generation runs to its end.
    expect(
      (await texts(local.generate({ text_input: 'y', parameters: { max_tokens: 4 } })))[0],
    ).toBeDefined();
  });
});
