import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../index.js';
import type { GenerateEvent, GenerateParameters } from '../types.js';
import { metricValue, modelDir, tinyGpt2 } from './helpers.js';

const dir = modelDir();
let app: FastifyInstance;

beforeAll(async () => {
  app = await createServer({
    models: [
      // One worker: every stream below shares its decode steps.
      { name: 'gpt', backend: 'causal-lm', path: tinyGpt2(dir, 'gpt'), slotsPerWorker: 8 },
      { name: 'ends', backend: 'causal-lm', path: tinyGpt2(dir, 'ends', { eosBias: 100 }) },
    ],
  });
});
afterAll(() => app.close());

interface Run {
  ids: number[][];
  texts: string[];
  events: GenerateEvent[];
  /** Resolves once completion 0 has produced `k` tokens. */
  after(k: number): Promise<void>;
  done: Promise<void>;
}

/** Starts a generation and records it; `after(k)` lets a test start the next one mid-way. */
function start(text: string, parameters: GenerateParameters, model = 'gpt'): Run {
  const run: Run = {
    ids: [],
    texts: [],
    events: [],
    after: () => Promise.resolve(),
    done: Promise.resolve(),
  };
  const waiters: { k: number; resolve(): void }[] = [];
  run.after = (k) => new Promise((resolve) => waiters.push({ k, resolve }));
  run.done = (async () => {
    for await (const e of app.inference.generate(model, { text_input: text, parameters })) {
      run.events.push(e);
      if (e.type !== 'token') continue;
      (run.ids[e.index] ??= []).push(e.token.id);
      run.texts[e.index] = (run.texts[e.index] ?? '') + e.token.text;
      for (const w of waiters) if (e.index === 0 && run.ids[0]!.length >= w.k) w.resolve();
    }
    for (const w of waiters) w.resolve();
  })();
  return run;
}

async function generate(text: string, parameters: GenerateParameters, model = 'gpt') {
  const run = start(text, parameters, model);
  await run.done;
  return run;
}

const finished = (run: Run) => run.events.filter((e) => e.type === 'done');

describe('continuous batching (causal-lm)', () => {
  it('gives each stream the tokens it gets alone, whenever it joins', async () => {
    const prompts = ['a', 'The quick brown fox jumps', 'x'.repeat(60)];
    const greedy = { max_tokens: 40, temperature: 0 };
    const alone = [];
    for (const p of prompts) alone.push((await generate(p, greedy)).ids[0]);

    const metricsBefore = (await app.inject('/metrics')).body;
    // Different prompt lengths, each joining while the others are mid-stream.
    const a = start(prompts[0]!, greedy);
    await a.after(3);
    const b = start(prompts[1]!, greedy);
    await b.after(2);
    const c = start(prompts[2]!, greedy);
    await Promise.all([a.done, b.done, c.done]);
    expect([a.ids[0], b.ids[0], c.ids[0]]).toEqual(alone);

    // They really shared steps: some decode steps ran more than one row.
    const metrics = (await app.inject('/metrics')).body;
    const multiRow = (text: string) =>
      metricValue(text, 'shipml_batch_size_count', 'gpt') -
      metricValue(text, 'shipml_batch_size_bucket', 'gpt', { le: '1' });
    expect(multiRow(metrics) - multiRow(metricsBefore)).toBeGreaterThan(10);
  });

  it('gives streams that arrive together the tokens each gets alone', async () => {
    // Their prompts (1 to 25 tokens) are prefilled together, left-padded in one model call.
    const prompts = ['The quick brown fox jumps', 'a', 'hello', 'x'.repeat(12)];
    const greedy = { max_tokens: 30, temperature: 0 };
    const alone = [];
    for (const p of prompts) alone.push((await generate(p, greedy)).ids[0]);
    const together = prompts.map((p) => start(p, greedy));
    await Promise.all(together.map((r) => r.done));
    expect(together.map((r) => r.ids[0])).toEqual(alone);
    expect(together.map((r) => r.events[0])).toEqual(
      prompts.map((p) => ({ type: 'start', promptTokens: p.length, truncated: false })),
    );
  });

  it('starts a stream that joins while a longer one runs before that one finishes', async () => {
    const long = start('once upon a time', { max_tokens: 200 });
    await long.after(1);
    const short = await generate('hi', { max_tokens: 5 });
    expect(short.ids[0]).toHaveLength(5);
    // The long stream was still going when the short one was done.
    expect(long.ids[0]!.length).toBeLessThan(200);
    await long.done;
    expect(long.ids[0]).toHaveLength(200);
  });

  it('samples deterministically from a seed; completion i of n uses seed + i', async () => {
    const p = { max_tokens: 30, temperature: 1.5, top_k: 40, top_p: 0.95 };
    const two = await generate('seeded', { ...p, seed: 5, n: 2 });
    const again = await generate('seeded', { ...p, seed: 5 });
    const next = await generate('seeded', { ...p, seed: 6 });
    expect(two.ids).toHaveLength(2);
    expect(again.ids[0]).toEqual(two.ids[0]);
    expect(next.ids[0]).toEqual(two.ids[1]);
    expect(two.ids[0]).not.toEqual(two.ids[1]);
    expect(finished(two).map((e) => e.type === 'done' && e.index)).toEqual([0, 1]);
  });

  it('generates from the start token for an empty prompt', async () => {
    const run = await generate('', { max_tokens: 5 });
    expect(run.events[0]).toEqual({ type: 'start', promptTokens: 1, truncated: false });
    expect(run.ids[0]).toHaveLength(5);
  });

  it('keeps the end of a prompt longer than the context and says so', async () => {
    // Byte-level tokens: one per character. Context 256 with 10 new tokens leaves 246.
    const prompt = Array.from({ length: 400 }, (_, i) => 'abcdefghij'[i % 10]).join('');
    const cut = await generate(prompt, { max_tokens: 10 });
    expect(cut.events[0]).toEqual({ type: 'start', promptTokens: 246, truncated: true });
    const tail = await generate(prompt.slice(-246), { max_tokens: 10 });
    expect(tail.events[0]).toMatchObject({ truncated: false });
    expect(cut.ids).toEqual(tail.ids);
  });

  it('stops at a stop string (included) and at the end-of-text token', async () => {
    const full = await generate('stop here', { max_tokens: 30 });
    const text = full.texts[0]!;
    const stop = text.slice(12, 15);
    const stopped = await generate('stop here', { max_tokens: 30, stop: [stop] });
    expect(stopped.texts[0]).toBe(text.slice(0, text.indexOf(stop) + stop.length));
    expect(finished(stopped)[0]).toMatchObject({ finishReason: 'stop_sequence' });

    const ends = await generate('anything', { max_tokens: 30 }, 'ends');
    expect(ends.ids).toEqual([]);
    expect(finished(ends)[0]).toMatchObject({ finishReason: 'eos_token', generatedTokens: 0 });
  });

  it('reports timings on done', async () => {
    const [done] = finished(await generate('time me', { max_tokens: 3 }));
    if (done?.type !== 'done') throw new Error('no done event');
    expect(done.finishReason).toBe('length');
    expect(done.timings.firstTokenMs).toBeGreaterThan(0);
    expect(done.timings.totalMs).toBeGreaterThanOrEqual(done.timings.firstTokenMs!);
  });

  it('gives the next-token distribution, most likely first, matching greedy decoding', async () => {
    const next = await app.inference.nextTokens('gpt', 'The quick brown fox jumps', { topK: 5 });
    expect(next).toMatchObject({ promptTokens: 25, truncated: false });
    const probs = next.tokens.map((t) => t.prob);
    expect(probs).toEqual([...probs].sort((x, y) => y - x));
    expect(probs.reduce((s, p) => s + p, 0)).toBeLessThanOrEqual(1 + 1e-6);
    const greedy = await generate('The quick brown fox jumps', { max_tokens: 1 });
    expect(next.tokens[0]!.id).toBe(greedy.ids[0]![0]);
  });

  it('names the bad parameter with a 400', async () => {
    const thrown = (parameters: Record<string, unknown>) => {
      try {
        app.inference.generate('gpt', { text_input: 'x', parameters });
      } catch (err) {
        return err;
      }
      return undefined;
    };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ temperature: 'hot' }, /parameters\.temperature/],
      [{ top_k: -1 }, /parameters\.top_k/],
      [{ top_p: 0 }, /parameters\.top_p/],
      [{ seed: 1.5 }, /parameters\.seed/],
      [{ n: 0 }, /parameters\.n/],
      [{ max_tokens: 5000 }, /parameters\.max_tokens/],
      [{ stop: 'x' }, /parameters\.stop/],
    ];
    for (const [parameters, message] of cases) {
      expect(thrown(parameters)).toMatchObject({
        statusCode: 400,
        message: expect.stringMatching(message) as unknown,
      });
    }
    await expect(app.inference.nextTokens('gpt', 'x', { topK: 0 })).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/topK/) as unknown,
    });
    // More completions than a worker has slots can never run.
    const tooMany = app.inference.generate('gpt', { text_input: 'x', parameters: { n: 9 } });
    await expect(tooMany[Symbol.asyncIterator]().next()).rejects.toMatchObject({ statusCode: 400 });
  });
});
