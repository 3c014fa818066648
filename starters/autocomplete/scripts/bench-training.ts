/**
 * Training throughput of the custom-gradient model vs the same model under stock tfjs autodiff,
 * on the wasm backend, one thread, interleaved runs. Last stdout line: one JSON object.
 *   npx tsx scripts/bench-training.ts [--steps 3] [--runs 3] [--batch 8]
 */
import { parseArgs } from 'node:util';
import { createRandom } from '@shipml/random';
import * as tf from '@tensorflow/tfjs';
import { sampleBatch } from './train/batches.js';
import { TINY_GPT } from './train/gpt-config.js';
import { gptLoss } from './train/gpt-model.js';
import { stockGptLoss } from './train/stock-gpt-model.js';
import { useWasmBackend } from './train/tf-backend.js';
import { toTensors } from './train/weight-tensors.js';
import { initWeights } from './train/weights.js';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '3' },
    runs: { type: 'string', default: '3' },
    batch: { type: 'string', default: '8' },
  },
});
const [steps, runs, batch] = [Number(values.steps), Number(values.runs), Number(values.batch)];
await useWasmBackend();
const c = TINY_GPT;
const weights = initWeights(c, 1);
const tensors = toTensors(weights);
const list = weights.map((w) => tensors[w.name]!);
const rng = createRandom(1);
const tokens = Uint8Array.from({ length: 100_000 }, () => 32 + rng.int(90));
const lossFns = { custom: gptLoss, stock: stockGptLoss };

/** Tokens per second of forward + backward over `steps` steps. */
function measure(kind: keyof typeof lossFns): number {
  const start = performance.now();
  for (let s = 0; s < steps; s++) {
    const b = sampleBatch(tokens, rng, batch, c.nPositions);
    tf.tidy(() => {
      const ids = tf.tensor1d(b.inputs, 'int32');
      const targets = tf.tensor1d(b.targets, 'int32');
      const { value, grads } = tf.valueAndGrads(() =>
        lossFns[kind](c, tensors, ids, targets, b.batch, b.seqLen),
      )(list);
      grads.forEach((g) => g.dataSync());
      value.dataSync();
    });
  }
  return (steps * batch * c.nPositions) / ((performance.now() - start) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
measure('custom'); // warm-up: wasm compilation, kernel caches
measure('stock');
const custom: number[] = [];
const stock: number[] = [];
for (let r = 0; r < runs; r++) {
  custom.push(measure('custom'));
  stock.push(measure('stock'));
}
const result = {
  backend: tf.getBackend(),
  tokensPerStep: batch * c.nPositions,
  customTokensPerSecond: Math.round(median(custom)),
  stockTokensPerSecond: Math.round(median(stock)),
  speedup: Number((median(custom) / median(stock)).toFixed(2)),
};
console.log(JSON.stringify(result));
