/**
 * Setup (a), the limit: a loop calling the ONNX Runtime session directly, no HTTP, no copies.
 * Args: modelPath threads seconds batchSizes(comma-separated) timedRuns warmupSeconds
 * scanPasses. Given several batch sizes, scans them (1 s each, `scanPasses` times over,
 * interleaved: a size's rate is the median of its passes) and picks the best; given one, warms up
 * on it. Then times `timedRuns` runs of `seconds` at that size. Prints
 * {"bestBatch", "rps" (median rows/s of the timed runs), "byBatch": {size: rows/s}}.
 */
import * as ort from 'onnxruntime-node';
import { MODEL, median } from './shared.js';

const [
  modelPath,
  threadsArg = '2',
  secondsArg = '1.5',
  batchesArg = '1,8,16,32',
  runsArg = '3',
  warmupArg = '0.3',
  passesArg = '1',
] = process.argv.slice(2);
const threads = Number(threadsArg);
const seconds = Number(secondsArg);
const session = await ort.InferenceSession.create(modelPath!, {
  intraOpNumThreads: threads,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
});

async function rowsPerSecond(batch: number, ms: number): Promise<number> {
  const x = new ort.Tensor('float32', new Float32Array(batch * MODEL.inputDim).fill(0.1), [
    batch,
    MODEL.inputDim,
  ]);
  await session.run({ x });
  let rows = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await session.run({ x });
    rows += batch;
  }
  return (rows * 1000) / (performance.now() - start);
}

const batches = batchesArg.split(',').map(Number);
const byBatch: Record<number, number> = {};
if (batches.length > 1) {
  const passes: Record<number, number[]> = {};
  for (let pass = 0; pass < Number(passesArg); pass++) {
    for (const b of batches) (passes[b] ??= []).push(await rowsPerSecond(b, 1000));
  }
  for (const b of batches) byBatch[b] = median(passes[b]!);
} else await rowsPerSecond(batches[0]!, Number(warmupArg) * 1000); // warm-up
const bestBatch =
  batches.length > 1
    ? Number(Object.entries(byBatch).sort((a, b) => b[1] - a[1])[0]![0])
    : batches[0]!;
const runs = [];
for (let i = 0; i < Number(runsArg); i++) runs.push(await rowsPerSecond(bestBatch, seconds * 1000));
console.log(JSON.stringify({ bestBatch, rps: runs.length ? median(runs) : NaN, byBatch }));
