import { beforeAll, describe, expect, it } from 'vitest';
import { loadCausalLmModel } from '../worker/causal-lm/causal-lm-backend.js';
import { loadCausalLm, type CausalLm } from '../worker/causal-lm/hf-model.js';
import { KvBatch } from '../worker/causal-lm/kv-batch.js';
import { prefill, prefillGroups } from '../worker/causal-lm/prompt.js';
import { topIndices } from '../worker/causal-lm/sampler.js';
import { modelDir, tinyGpt2 } from './helpers.js';

const dir = modelDir();
let lm: CausalLm;
let short: CausalLm;

beforeAll(async () => {
  lm = await loadCausalLm(tinyGpt2(dir, 'gpt'), 1);
  short = await loadCausalLm(tinyGpt2(dir, 'short', { context: 40 }), 1);
});

const argmax = (logits: Float32Array) => topIndices(logits, 1)[0]!;

/** The last logits of `tokens` run alone from an empty cache. */
const alone = async (model: CausalLm, tokens: number[]) =>
  (await prefill(model, [tokens]))[0]!.logits;

/** Same logits up to float error, and the same greedy token. */
function expectClose(logits: Float32Array, expected: Float32Array): void {
  expect(logits).toHaveLength(expected.length);
  let diff = 0;
  for (let v = 0; v < logits.length; v++)
    diff = Math.max(diff, Math.abs(logits[v]! - expected[v]!));
  expect(diff).toBeLessThan(1e-4);
  expect(argmax(logits)).toBe(argmax(expected));
}

/**
 * Drives a `KvBatch` greedily and checks every row's logits, every step, against the whole
 * sequence run again from an empty cache (no KV cache involved at all).
 */
class Checked {
  /** Row i's tokens: cached ones, then the one the next step feeds. */
  seqs: number[][] = [];
  readonly batch: KvBatch;

  constructor(
    private readonly model: CausalLm,
    chunk?: number,
  ) {
    this.batch = new KvBatch(model, chunk);
  }

  async add(prompt: string): Promise<void> {
    await this.addTogether([prompt]);
  }

  /**
   * Prefills `prompts` in one call and adds them in order; each one's logits must be those
   * it gets alone.
   */
  async addTogether(prompts: string[]): Promise<void> {
    const tokens = prompts.map((p) => Array.from(p, (ch) => ch.charCodeAt(0)));
    const prefilled = await prefill(this.model, tokens);
    for (const [i, { logits, source }] of prefilled.entries()) {
      if (prompts.length > 1) expectClose(logits, await alone(this.model, tokens[i]!));
      this.batch.add(source);
      this.seqs.push([...tokens[i]!, argmax(logits)]);
    }
  }

  remove(row: number): void {
    this.batch.remove(row);
    this.seqs[row] = this.seqs.at(-1)!;
    this.seqs.pop();
  }

  async steps(n: number): Promise<void> {
    for (let s = 0; s < n; s++) {
      this.seqs.forEach((seq, i) => expect(this.batch.length(i)).toBe(seq.length - 1));
      const logits = await this.batch.step(this.seqs.map((seq) => seq.at(-1)!));
      const vocab = this.model.vocab;
      expect(logits).toHaveLength(this.seqs.length * vocab);
      for (const [i, seq] of this.seqs.entries()) {
        const row = logits.subarray(i * vocab, (i + 1) * vocab);
        expectClose(row, await alone(this.model, seq));
        seq.push(argmax(row));
      }
    }
  }
}

describe('KvBatch', () => {
  it('decodes past a 64-position chunk as the model does without a cache', async () => {
    // The tail outputs are in use: a step does not fetch the whole cache.
    expect(lm.lastKv).toHaveLength(2 * lm.layers);
    const run = new Checked(lm);
    await run.add('a');
    await run.steps(1);
    expect(run.batch.capacity).toBe(64);
    await run.steps(75);
    expect(run.batch.capacity).toBe(128);
    expect(run.seqs[0]).toHaveLength(1 + 1 + 76);
  });

  for (const [name, variant] of [
    ['the new position from the added outputs', (m: CausalLm) => m],
    ['the new position from present.*', (m: CausalLm) => ({ ...m, lastKv: undefined })],
  ] as const) {
    it(`lets rows leave and join, one taking a freed row (${name})`, async () => {
      // Chunks of 8: capacity grows several times, and shrinks when the longest row leaves.
      const run = new Checked(variant(lm), 8);
      await run.add('hello');
      await run.steps(3);
      await run.add('The quick brown fox.');
      await run.steps(4);
      await run.add('xy');
      await run.steps(5);
      expect(run.batch.capacity).toBe(32);
      const moved = run.seqs[2]!;
      run.remove(1); // the longest: the last row moves into its place
      expect(run.seqs[1]).toBe(moved);
      await run.steps(1);
      expect(run.batch.capacity).toBe(24);
      await run.add('a join');
      expect(run.batch.rows).toBe(3);
      await run.steps(5);
      // The last row leaves and a shorter one takes its place, at the same capacity: what
      // the row held before is masked out.
      run.remove(2);
      await run.add('z');
      await run.steps(1);
      expect(run.batch.capacity).toBe(24);
      await run.steps(3);
      run.remove(0);
      run.remove(0);
      run.remove(0);
      expect(run.batch.rows).toBe(0);
      await run.add('again');
      await run.steps(2);
    });
  }

  it('runs a row to the last position of the context', async () => {
    // Context 40: capacity stops at 39, and the step at position 39 keeps nothing.
    const run = new Checked(short, 16);
    await run.add('x'.repeat(30));
    await run.steps(10);
    expect(run.batch.capacity).toBe(39);
    expect(run.seqs[0]).toHaveLength(41);
  });

  it('lists only the model’s own outputs', async () => {
    const model = await loadCausalLmModel(tinyGpt2(dir, 'listed'), 1);
    expect(model.outputs.map((o) => o.name)).toEqual([
      'logits',
      ...Array.from({ length: lm.layers }, (_, l) => [
        `present.${l}.key`,
        `present.${l}.value`,
      ]).flat(),
    ]);
  });
});

describe('prefill', () => {
  it('runs prompts of different lengths together as each one alone, then decodes them', async () => {
    // Left-padded to 20 positions; checked against each prompt alone, then every step against
    // the whole sequence without a cache.
    const run = new Checked(lm);
    await run.addTogether(['The quick brown fox.', 'a', 'xy', 'hello world']);
    expect(run.batch.rows).toBe(4);
    await run.steps(12);
    // A batch prefilled alone joins the rows already running.
    await run.addTogether(['z', 'again']);
    await run.steps(4);
  });

  it('groups prompts of similar lengths, shortest first', () => {
    // 40 tokens would pad 1+2+3+5 tokens to 200 positions: a call of their own.
    expect(prefillGroups([1, 40, 3, 5, 60, 2])).toEqual([
      [0, 5, 2, 3],
      [1, 4],
    ]);
    // At most 8 rows and 1024 positions a call; a longer prompt goes alone.
    expect(prefillGroups(new Array<number>(10).fill(7))).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9],
    ]);
    expect(prefillGroups([400, 400, 400, 2000])).toEqual([[0, 1], [2], [3]]);
    expect(prefillGroups([])).toEqual([]);
  });
});
