import { createRandom } from '@shipml/random';
import { Adam, type AdamOptions } from './adam.js';
import { batchRows, sampleBatch } from './batches.js';
import { flatten, unflatten } from './flat-weights.js';
import type { GptConfig } from './gpt-config.js';
import { createGradientPool } from './gradient-pool.js';
import { initWeights, type GptWeights } from './weights.js';

/** Progress after one optimizer step. */
export interface StepInfo {
  step: number;
  steps: number;
  loss: number;
  lr: number;
  gradNorm: number;
  tokens: number;
  seconds: number;
  /** Current weights (views into the live parameters: copy them to keep them). */
  weights: GptWeights;
}

export interface TrainOptions {
  config: GptConfig;
  /** Training token stream. */
  tokens: ArrayLike<number>;
  /** A fixed number of steps (reproducible), or a wall-clock budget (the step count is fixed after a short speed probe). */
  budget: { steps: number } | { minutes: number };
  /** Sequences per step, split evenly across workers. */
  batchSize: number;
  /** Tokens per sequence; default the model's context length. */
  seqLen?: number;
  seed: number;
  adam: Omit<AdamOptions, 'totalSteps'>;
  /** Worker threads for data parallelism; 0 = this thread. */
  workers: number;
  /** Start from these weights (fine-tuning) instead of a fresh seeded initialisation. */
  init?: GptWeights;
  /** Awaited after every step (log, write a checkpoint). */
  onStep?: (s: StepInfo) => void | Promise<void>;
}

export interface TrainResult {
  weights: GptWeights;
  losses: number[];
  steps: number;
  tokens: number;
  seconds: number;
  tokensPerSecond: number;
}

const PROBE_STEPS = 10;

/**
 * Trains with Adam (warm-up + cosine decay, clipped gradients) on random windows of the token
 * stream. With a step budget the same seed gives the same weights on the same machine.
 */
export async function trainGpt(o: TrainOptions): Promise<TrainResult> {
  const seqLen = o.seqLen ?? o.config.nPositions;
  const pool = await createGradientPool(o.workers);
  if (o.batchSize % pool.size !== 0)
    throw new RangeError(`batch size ${o.batchSize} must divide by ${pool.size} workers`);
  const params = flatten(o.init ?? initWeights(o.config, o.seed));
  const rng = createRandom((o.seed ^ 0x5bd1e995) >>> 0); // batch order: its own stream, independent of init
  let steps = 'steps' in o.budget ? o.budget.steps : Number.POSITIVE_INFINITY;
  const adamOptions: AdamOptions = { ...o.adam, totalSteps: steps };
  const adam = new Adam(params.length, adamOptions);
  const tokensPerStep = o.batchSize * seqLen;
  const losses: number[] = [];
  const start = performance.now();
  const per = o.batchSize / pool.size;
  const live = unflatten(o.config, params);
  try {
    for (let step = 0; step < steps; step++) {
      const batch = sampleBatch(o.tokens, rng, o.batchSize, seqLen);
      const shards = Array.from({ length: pool.size }, (_, i) =>
        batchRows(batch, i * per, (i + 1) * per),
      );
      const results = await pool.compute(o.config, params, shards);
      // Equal shards: the full-batch gradient is the mean of the shard gradients (summed in a fixed order).
      const grad = results[0]!.grad;
      for (const r of results.slice(1))
        for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! + r.grad[i]!;
      for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! / results.length;
      const loss = results.reduce((s, r) => s + r.loss, 0) / results.length;
      const { gradNorm, lr } = adam.step(params, grad);
      losses.push(loss);
      const seconds = (performance.now() - start) / 1000;
      if ('minutes' in o.budget && step + 1 === PROBE_STEPS) {
        steps = Math.max(
          PROBE_STEPS + 1,
          Math.floor((o.budget.minutes * 60 * (step + 1)) / seconds),
        );
        adamOptions.totalSteps = steps;
      }
      await o.onStep?.({
        step: step + 1,
        steps,
        loss,
        lr,
        gradNorm,
        tokens: (step + 1) * tokensPerStep,
        seconds,
        weights: live,
      });
    }
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    weights: unflatten(o.config, params),
    losses,
    steps,
    tokens: steps * tokensPerStep,
    seconds,
    tokensPerSecond: (steps * tokensPerStep) / seconds,
  };
}
