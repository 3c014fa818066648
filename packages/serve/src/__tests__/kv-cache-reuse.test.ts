import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer } from '../index.js';
import { modelDir, tinyGpt2 } from './helpers.js';

const dir = modelDir();
let app: FastifyInstance;

beforeAll(async () => {
  app = await createServer({
    // One worker: every stream below shares its decode steps and its KV cache buffers.
    models: [{ name: 'gpt', backend: 'causal-lm', path: tinyGpt2(dir, 'gpt'), slotsPerWorker: 8 }],
  });
});
afterAll(() => app.close());

/** A greedy stream's token ids; `onToken(k)` runs after its k-th token. */
async function greedy(text: string, maxTokens: number, onToken?: (k: number) => void) {
  const ids: number[] = [];
  const parameters = { max_tokens: maxTokens, temperature: 0 };
  for await (const e of app.inference.generate('gpt', { text_input: text, parameters })) {
    if (e.type !== 'token') continue;
    ids.push(e.token.id);
    onToken?.(ids.length);
  }
  return ids;
}

it('keeps each stream’s tokens as streams leave and join across cache growth', async () => {
  // 'a' + 90 tokens crosses the cache's first 64-position chunk. Meanwhile 'leaves' ends
  // early and 'takes its row' starts after it, in the row it freed; when that one ends, the
  // batch's last row moves into its place, and again when 'a' ends.
  const plan = { a: 90, leaves: 6, 'takes its row': 40, 'The quick brown fox': 70, later: 60 };
  const alone: Record<string, number[]> = {};
  for (const [text, n] of Object.entries(plan)) alone[text] = await greedy(text, n);

  const together: Record<string, Promise<number[]>> = {};
  const join = (text: keyof typeof plan) => (together[text] = greedy(text, plan[text]));
  together.a = greedy('a', plan.a, (k) => {
    if (k === 3) void join('leaves').then(() => join('takes its row'));
    if (k === 40) void join('The quick brown fox');
    if (k === 45) void join('later');
  });
  await together.a;
  await together.leaves;
  const ids: Record<string, number[]> = {};
  for (const text of Object.keys(plan)) ids[text] = await together[text]!;
  expect(ids).toEqual(alone);
});
