/**
 * What fusing the PP-OCR graphs buys (`fuseGraph` in PLATE_SESSION), against the files as they
 * ship, measured in the same run:
 *
 *   pnpm --filter @shipml/starter-license-plate bench:models [-- --runs 15 --photos 24]
 *
 * 1. Each model alone: the detector on a 480×352 photo, the recogniser on 4 crops about 300 px
 *    wide; the median ms per call with the shipped graph and with the fused one, taking turns.
 * 2. The whole pipeline (`readPlates`) on seeded synthetic photos (`--photos` of them, US and EU
 *    plates), each read with both: the median ms per photo, and how many answers differ.
 * Both run with 2 ONNX Runtime threads, the eval's default. The last stdout line is one JSON object:
 * {"detector", "recognizer": {"input", "shippedMs", "fusedMs", "speedup", "maxDifference"},
 *  "pipeline": {"photos", "shippedMsP50", "fusedMsP50", "speedup", "answersDiffer"}, "fuseMs"}.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuseGraph } from '@shipml/serve/onnx';
import { cropBox } from '../server/pipeline/crop-box.js';
import { decodeImage } from '../server/pipeline/decode-image.js';
import { toDetectInput } from '../server/pipeline/detect-input.js';
import { PLATE_SESSION, plateModelFiles } from '../server/pipeline/model-files.js';
import { createOrtModels } from '../server/pipeline/ort-models.js';
import { readPlates } from '../server/pipeline/read-plates.js';
import { toRecognizeInput } from '../server/pipeline/recognize-input.js';
import type { PlateModels, Tensor } from '../server/pipeline/types.js';
import { generateSet } from './synth/generate.js';

const args = process.argv.slice(2);
const { values } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  options: { runs: { type: 'string', default: '15' }, photos: { type: 'string', default: '24' } },
});
const runs = Number(values.runs);
const photoCount = Number(values.photos);
if (!(runs >= 1) || !(photoCount >= 1)) {
  console.error('usage: bench:models [-- --runs 15 --photos 24]');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

const files = await plateModelFiles();
const fuseStart = performance.now();
fuseGraph(await readFile(files.rec));
const fuseMs = performance.now() - fuseStart;
const shipped = await createOrtModels(files, 2, { ...PLATE_SESSION, fuseGraph: false });
const fused = await createOrtModels(files, 2, PLATE_SESSION);

/** Time `call` on both model sets, taking turns (who goes first alternates), `runs` times each. */
async function compare(call: (models: PlateModels) => Promise<unknown>, rounds: number) {
  const times = { shipped: [] as number[], fused: [] as number[] };
  for (const models of [shipped, fused]) await call(models); // warm-up
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['shipped', 'fused'] as const) : (['fused', 'shipped'] as const);
    for (const which of order) {
      const start = performance.now();
      await call(which === 'shipped' ? shipped : fused);
      times[which].push(performance.now() - start);
    }
  }
  return times;
}

/** Median ms per call on both, and the largest difference between their outputs. */
async function modelRow(input: Tensor, run: (models: PlateModels) => Promise<Tensor>) {
  const times = await compare(run, runs);
  const [a, b] = [(await run(shipped)).data, (await run(fused)).data] as Float32Array[];
  const maxDifference = a!.reduce((max, v, i) => Math.max(max, Math.abs(v - b![i]!)), 0);
  const [shippedMs, fusedMs] = [median(times.shipped), median(times.fused)];
  return {
    input: input.shape.join('×'),
    shippedMs: round(shippedMs),
    fusedMs: round(fusedMs),
    speedup: round(shippedMs / fusedMs, 2),
    maxDifference: Number(maxDifference.toPrecision(2)),
  };
}

// 1. Each model alone, on inputs cut from one synthetic photo.
const dir = join(tmpdir(), `shipml-bench-models-${process.pid}`);
const samples = await generateSet(dir, photoCount, 7);
const photo = await decodeImage(samples[0]!.jpeg);
const detInput = (await toDetectInput(photo, 736)).tensor;
const strip = (w: number) => ({ cx: photo.width / 2, cy: photo.height / 2, width: w, height: 30, angle: 0, score: 1 }); // prettier-ignore
const recInput = toRecognizeInput([100, 140, 160, 175].map((w) => cropBox(photo, strip(w))));
const detector = await modelRow(detInput, (m) => m.detect(detInput));
console.error(`detector: ${JSON.stringify(detector)}`);
const recognizer = await modelRow(recInput, (m) => m.recognize(recInput));
console.error(`recognizer: ${JSON.stringify(recognizer)}`);

// 2. The whole pipeline, photo by photo.
const photos = samples.map((s) => s.jpeg);
const perPhoto = { shipped: [] as number[], fused: [] as number[] };
let answersDiffer = 0;
for (const bytes of photos) {
  const times = await compare((m) => readPlates(bytes, m), Math.max(1, Math.round(runs / 5)));
  perPhoto.shipped.push(median(times.shipped));
  perPhoto.fused.push(median(times.fused));
  const [a, b] = [await readPlates(bytes, shipped), await readPlates(bytes, fused)];
  if (a.plates[0]?.text !== b.plates[0]?.text) answersDiffer++;
}
await rm(dir, { recursive: true, force: true });
await shipped.release();
await fused.release();

const [shippedP50, fusedP50] = [median(perPhoto.shipped), median(perPhoto.fused)];
console.log(
  JSON.stringify({
    detector,
    recognizer,
    pipeline: {
      photos: photos.length,
      shippedMsP50: round(shippedP50),
      fusedMsP50: round(fusedP50),
      speedup: round(shippedP50 / fusedP50, 2),
      answersDiffer,
    },
    fuseMs: round(fuseMs, 0),
  }),
);
