/**
 * Trains the bundled tiny GPT-2 on the public-domain corpus and writes the model folder.
 *   npx tsx scripts/train.ts [--steps N | --minutes N] [--seed S] [--out models/tiny-gpt] [--workers 2]
 * A step budget is reproducible (same seed → same weights on one machine); a minutes budget
 * fixes its step count from the speed of the first steps, so it is not.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { declareModel } from './export/declare-model.js';
import { writeModelFolder } from './export/model-folder.js';
import { loadCorpus } from './train/corpus.js';
import { TINY_GPT } from './train/gpt-config.js';
import { trainGpt } from './train/train-loop.js';
import { countParameters } from './train/weights.js';

const { values } = parseArgs({
  options: {
    steps: { type: 'string' },
    minutes: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'models/tiny-gpt' },
    workers: { type: 'string', default: '2' },
    batch: { type: 'string', default: '8' },
    lr: { type: 'string', default: '3e-3' },
    'checkpoint-every': { type: 'string', default: '200' },
  },
});
if ((values.steps === undefined) === (values.minutes === undefined)) {
  console.error(
    'usage: train (--steps N | --minutes N) [--seed S] [--out dir] [--workers N] [--batch N] [--lr X]',
  );
  process.exit(2);
}
const budget =
  values.steps !== undefined
    ? { steps: Number(values.steps) }
    : { minutes: Number(values.minutes) };
const seed = Number(values.seed);
const adam = { peakLr: Number(values.lr), warmupSteps: 100, minLrRatio: 0.1, clipNorm: 1 };
const checkpointEvery = Number(values['checkpoint-every']);
const corpus = loadCorpus();
console.log(
  JSON.stringify({
    event: 'start',
    trainTokens: corpus.train.length,
    heldOutTokens: corpus.heldOut.length,
    budget,
    seed,
    adam,
  }),
);

const result = await trainGpt({
  config: TINY_GPT,
  tokens: corpus.train,
  budget,
  batchSize: Number(values.batch),
  seed,
  adam,
  workers: Number(values.workers),
  onStep: async (s) => {
    if (s.step % 10 === 0 || s.step === s.steps) {
      const tokensPerSecond = Math.round(s.tokens / s.seconds);
      console.log(
        JSON.stringify({
          step: s.step,
          steps: s.steps,
          loss: +s.loss.toFixed(4),
          lr: +s.lr.toExponential(3),
          gradNorm: +s.gradNorm.toFixed(3),
          tokensPerSecond,
          seconds: Math.round(s.seconds),
        }),
      );
    }
    // Periodic checkpoints: a long run that is stopped still leaves a usable model behind.
    if (s.step % checkpointEvery === 0 && s.step < s.steps) {
      await writeModelFolder(`${values.out!}.checkpoint`, TINY_GPT, s.weights);
    }
  },
});
await writeModelFolder(values.out, TINY_GPT, result.weights);
const summary = {
  seed,
  steps: result.steps,
  batchSize: Number(values.batch),
  contextLength: TINY_GPT.nPositions,
  tokens: result.tokens,
  seconds: Math.round(result.seconds),
  tokensPerSecond: Math.round(result.tokensPerSecond),
  workers: Number(values.workers),
  parameters: countParameters(result.weights),
  finalTrainLoss: +(
    result.losses.slice(-20).reduce((a, b) => a + b, 0) / Math.min(20, result.losses.length)
  ).toFixed(4),
  adam,
};
await writeFile(join(values.out, 'training.json'), JSON.stringify(summary, null, 2) + '\n');
await rm(`${values.out}.checkpoint`, { recursive: true, force: true });
// models.json declares the new files (their sha256 changed), so the server serves them.
const id = await declareModel(values.out, {
  description: `A ${summary.parameters.toLocaleString('en')}-parameter GPT-2-architecture byte-level language model trained by scripts/train.ts on public-domain text (Moby-Dick, State of the Union addresses).`,
});
console.error(`declared ${id} in models.json`);
console.log(JSON.stringify(summary));
