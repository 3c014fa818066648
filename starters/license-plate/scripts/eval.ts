/**
 * Accuracy of the plate pipeline on a folder of labelled photos (OpenALPR benchmark format).
 *
 *   pnpm --filter @shipml/starter-license-plate eval -- <dir> [--top-k 3] [--verbose]
 *
 * Progress goes to stderr; the last stdout line is
 * {"n", "exactTop1", "inTopK", "msPerImageP50"}: the share of photos whose best plate is right,
 * the share with the right plate among the first k, and the median time of readPlates per photo.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledModelFiles, loadDictionary } from '../server/pipeline/model-files.js';
import { createOrtModels } from '../server/pipeline/ort-models.js';
import { readPlates } from '../server/pipeline/read-plates.js';
import type { Tensor } from '../server/pipeline/types.js';
import { normalisePlate, readBenchmark } from './benchmark-format.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'top-k': { type: 'string', default: '3' },
    verbose: { type: 'boolean', default: false },
    threads: { type: 'string', default: '2' },
    'det-side': { type: 'string', default: '736' },
  },
});
// pnpm runs scripts in the package folder; resolve the folder from where the command was typed.
const dir = positionals[0] && resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
if (!dir) {
  console.error('usage: eval <dir> [--top-k 3] [--verbose] [--threads 2]');
  process.exit(2);
}
const topK = Number(values['top-k']);

const images = await readBenchmark(dir);
if (images.length === 0) {
  console.error(`no labelled *.jpg in ${dir}`);
  process.exit(2);
}
const files = bundledModelFiles();
const dictionary = loadDictionary(files.dictionary);
const ort = await createOrtModels(files, Number(values.threads));
// Count the work handed to each model: steadier than wall time on a shared machine.
const work = { detPixels: 0, recCrops: 0, recColumns: 0 };
const models = {
  detect: (t: Tensor) => ((work.detPixels += t.shape[2]! * t.shape[3]!), ort.detect(t)),
  recognize: (t: Tensor) => (
    (work.recCrops += t.shape[0]!),
    (work.recColumns += t.shape[0]! * t.shape[3]!),
    ort.recognize(t)
  ),
};
const options = {
  dictionary,
  detectMaxSide: Number(values['det-side']),
  maxCandidates: Number(process.env.MAXC ?? 4),
};

// Warm-up: the first runs allocate memory and pick kernels; keep them out of the timings.
const first = await readFile(images[0]!.file);
for (let i = 0; i < 2; i++) await readPlates(first, models, options);

const stepTotals: Record<string, number> = {};
Object.assign(work, { detPixels: 0, recCrops: 0, recColumns: 0 });
let top1 = 0;
let inTopK = 0;
const times: number[] = [];
const cpuMs: number[] = [];
for (const [i, image] of images.entries()) {
  const bytes = await readFile(image.file);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { plates, timingsMs } = await readPlates(bytes, models, options);
  times.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  cpuMs.push((cpu.user + cpu.system) / 1000);
  for (const [step, ms] of Object.entries(timingsMs))
    stepTotals[step] = (stepTotals[step] ?? 0) + ms;
  const truth = new Set(image.plates.map((p) => p.text));
  const texts = plates.map((p) => normalisePlate(p.text));
  const ok = texts[0] !== undefined && truth.has(texts[0]);
  top1 += ok ? 1 : 0;
  inTopK += texts.slice(0, topK).some((t) => truth.has(t)) ? 1 : 0;
  const line = `${i + 1}/${images.length} ${basename(image.file)} ${ok ? 'ok  ' : 'MISS'} want ${[...truth].join('|')} got ${texts.slice(0, topK).join(' ') || '-'} (${plates[0]?.confidence ?? 0})`;
  if (values.verbose || !ok) console.error(line);
}
await ort.release();
const meanSteps = Object.entries(stepTotals).map(
  ([s, ms]) => `${s} ${(ms / images.length).toFixed(1)}`,
);
console.error(`mean ms per step: ${meanSteps.join(', ')}`);
// CPU time (all threads) is steadier than wall time when other work shares the machine.
cpuMs.sort((a, b) => a - b);
const per = (x: number) => (x / images.length).toFixed(0);
console.error(
  `per image: det ${per(work.detPixels)} px, rec ${(work.recCrops / images.length).toFixed(2)} crops × ${(work.recColumns / Math.max(1, work.recCrops)).toFixed(0)} px wide`,
);
console.error(`cpu ms per image p50: ${cpuMs[Math.floor(cpuMs.length / 2)]!.toFixed(1)}`);

times.sort((a, b) => a - b);
const round = (x: number, d = 4) => Number(x.toFixed(d));
console.log(
  JSON.stringify({
    n: images.length,
    exactTop1: round(top1 / images.length),
    inTopK: round(inTopK / images.length),
    msPerImageP50: round(times[Math.floor(times.length / 2)]!, 1),
  }),
);
