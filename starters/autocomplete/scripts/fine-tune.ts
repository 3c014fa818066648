/**
 * Continues training the bundled model on your own text and writes a new model version.
 *   npx tsx scripts/fine-tune.ts --data notes.txt [--model models/tiny-gpt] [--out models/tiny-gpt-fine-tuned]
 *                                [--steps N] [--lr 5e-4] [--seed 1] [--workers 2]
 * The last 10% of the file is held out: its perplexity is printed before and after, and the
 * last stdout line is one JSON object. Progress (tokens/s, loss, eta) goes to stderr.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { modelPerplexity } from './eval/model-perplexity.js';
import { loadOrtGpt } from './eval/ort-gpt.js';
import { declareModel } from './export/declare-model.js';
import { readModelFolder, writeModelFolder } from './export/model-folder.js';
import { splitDocuments } from './train/corpus.js';
import { trainGpt } from './train/train-loop.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    model: { type: 'string', default: 'models/tiny-gpt' },
    out: { type: 'string', default: 'models/tiny-gpt-fine-tuned' },
    steps: { type: 'string' },
    lr: { type: 'string', default: '5e-4' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    batch: { type: 'string', default: '8' },
  },
});
if (!values.data) {
  console.error('usage: fine-tune --data notes.txt [--model dir] [--out dir] [--steps N] [--lr X]');
  process.exit(2);
}

/** Next free `<name>-v<N>` folder (…-v1, …-v2): every run is a new version, none is overwritten. */
async function nextVersionDir(base: string): Promise<string> {
  const parent = dirname(base);
  await mkdir(parent, { recursive: true });
  const prefix = `${basename(base)}-v`;
  const taken = (await readdir(parent))
    .filter((n) => n.startsWith(prefix))
    .map((n) => Number(n.slice(prefix.length)))
    .filter(Number.isInteger);
  return `${base}-v${Math.max(0, ...taken) + 1}`;
}

const { config, weights } = await readModelFolder(values.model);
const text = await readFile(values.data, 'utf8');
const { train, heldOut } = splitDocuments([text], 0.1);
const seqLen = Math.min(config.nPositions, train.length - 1);
if (seqLen < 16 || heldOut.length < 16) {
  console.error(
    `fine-tune: ${values.data} is too short (${text.length} characters); give it at least a few hundred`,
  );
  process.exit(1);
}
const batchSize = Number(values.batch);
// Default: about three passes over the training text, within [20, 2000] steps.
const steps = values.steps
  ? Number(values.steps)
  : Math.min(2000, Math.max(20, Math.ceil((3 * train.length) / (batchSize * seqLen))));

const before = (await modelPerplexity(await loadOrtGpt(values.model), heldOut)).perplexity;
console.log(`held-out perplexity before: ${before.toFixed(3)} (${heldOut.length - 1} tokens)`);

const bar = new cliProgress.SingleBar(
  {
    format:
      'fine-tune [{bar}] {value}/{total} steps | loss {loss} | {tps} tokens/s | eta {eta_formatted}',
    stream: process.stderr,
    noTTYOutput: true, // still report progress when stderr is a log file
    notTTYSchedule: 5000,
  },
  cliProgress.Presets.shades_classic,
);
bar.start(steps, 0, { loss: '-', tps: '-' });
const result = await trainGpt({
  config,
  tokens: train,
  budget: { steps },
  batchSize,
  seqLen,
  seed: Number(values.seed),
  adam: {
    peakLr: Number(values.lr),
    warmupSteps: Math.min(20, Math.ceil(steps / 10)),
    minLrRatio: 0.1,
    clipNorm: 1,
  },
  workers: Number(values.workers),
  init: weights,
  onStep: (s) =>
    bar.update(s.step, { loss: s.loss.toFixed(3), tps: Math.round(s.tokens / s.seconds) }),
});
bar.stop();

const dir = await nextVersionDir(values.out);
await writeModelFolder(dir, config, result.weights);
const after = (await modelPerplexity(await loadOrtGpt(dir), heldOut)).perplexity;
console.log(`held-out perplexity after:  ${after.toFixed(3)}`);
// The new version becomes models.json's default: the server serves it from its next start
// (`pnpm dev` restarts by itself), and the previous versions stay declared beside it.
const id = await declareModel(dir, {
  description: `tiny-gpt fine-tuned on ${basename(values.data)} (${steps} steps; held-out perplexity ${before.toFixed(2)} → ${after.toFixed(2)}).`,
  makeDefault: true,
});
console.log(`wrote ${dir}, now the default model in models.json ("${id}")`);
console.log(
  JSON.stringify({
    dir,
    steps,
    trainTokens: train.length,
    heldOutTokens: heldOut.length - 1,
    perplexityBefore: +before.toFixed(4),
    perplexityAfter: +after.toFixed(4),
    seconds: Math.round(result.seconds),
    tokensPerSecond: Math.round(result.tokensPerSecond),
  }),
);
