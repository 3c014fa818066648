/**
 * Accuracy of the plate pipeline on a folder of labelled photos (OpenALPR benchmark format).
 *
 *   pnpm --filter @shipml/starter-license-plate eval -- <dir> [--top-k 3] [--verbose] [--serve]
 *     [--region auto|eu|us|br] [--naive]
 *
 * Progress goes to stderr; the last stdout line is
 * {"n", "exactTop1", "inTopK", "msPerImageP50", "region", "byRegion", "byPlateWidthPx"}: the
 * share of photos whose best plate is right, the share with the right plate among the first k,
 * the median time to read one photo, the region setting, per region the photos were read as: how
 * many, and how many of them right; and the same per width of the labelled plate in the photo
 * (under 60 px, 60–119, 120 and up), which shows how small a plate still reads. `--region us` reads every photo with the US formats; `auto` chooses per photo.
 * By default the models run in-process on onnxruntime-node; with --serve each photo goes through
 * the app itself (`POST /api/plates` on buildApp(), models in @shipml/serve's worker threads).
 * With --naive it scores the baseline `naiveRead` instead (the same models, no plate pipeline).
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDictionary, plateModelFiles } from '../server/pipeline/model-files.js';
import { createOrtModels } from '../server/pipeline/ort-models.js';
import { readPlates } from '../server/pipeline/read-plates.js';
import { isRegionSetting, REGION_SETTINGS } from '../server/pipeline/regions/regions.js';
import type { PlateReading, Tensor } from '../server/pipeline/types.js';
import { normalisePlate, readBenchmark } from './benchmark-format.js';
import { naiveRead } from './naive-read.js';

// `pnpm <script> -- <args>` passes the `--` through; drop it so the options after it still parse.
const args = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  allowPositionals: true,
  options: {
    'top-k': { type: 'string', default: '3' },
    verbose: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    threads: { type: 'string', default: '2' },
    'det-side': { type: 'string', default: '736' },
    region: { type: 'string', default: 'auto' },
    naive: { type: 'boolean', default: false },
  },
});
// pnpm runs scripts in the package folder; resolve the folder from where the command was typed.
const dir = positionals[0] && resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
if (!dir) {
  console.error(
    'usage: eval <dir> [--top-k 3] [--verbose] [--serve] [--threads 2] [--det-side 736] [--region auto|eu|us|br] [--naive]',
  );
  process.exit(2);
}
const region = values.region;
if (!isRegionSetting(region)) {
  console.error(`--region must be one of ${REGION_SETTINGS.join(', ')}`);
  process.exit(2);
}
if (values.naive && values.serve) {
  console.error('--naive reads in-process; leave out --serve');
  process.exit(2);
}
const topK = Number(values['top-k']);
const images = await readBenchmark(dir);
if (images.length === 0) {
  console.error(`no labelled *.jpg in ${dir}`);
  process.exit(2);
}

// Count the work handed to the models: steadier than wall time on a shared machine.
const work = { detPixels: 0, recCrops: 0, recColumns: 0 };
const pipeline = { detectMaxSide: Number(values['det-side']), region };

/** Load the models once, return "photo bytes → reading" and a way to shut down. */
async function openReader(): Promise<{
  read(bytes: Buffer): Promise<PlateReading>;
  close(): Promise<void>;
}> {
  const threads = Number(values.threads);
  if (values.serve) {
    const { buildApp } = await import('../server/app.js');
    const app = await buildApp({ modelTuning: { threadsPerWorker: threads }, pipeline });
    return {
      read: async (bytes) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/plates',
          headers: { 'content-type': 'image/jpeg' },
          payload: bytes,
        });
        if (res.statusCode !== 200)
          throw new Error(`POST /api/plates → ${res.statusCode}: ${res.body}`);
        return res.json<PlateReading>();
      },
      close: () => app.close(),
    };
  }
  const files = await plateModelFiles();
  const ort = await createOrtModels(files, threads);
  const models = {
    detect: (t: Tensor) => ((work.detPixels += t.shape[2]! * t.shape[3]!), ort.detect(t)),
    recognize: (t: Tensor) => {
      work.recCrops += t.shape[0]!;
      work.recColumns += t.shape[0]! * t.shape[3]!;
      return ort.recognize(t);
    },
  };
  const dictionary = values.naive ? loadDictionary(files.dictionary) : [];
  return {
    read: (bytes) =>
      values.naive ? naiveRead(bytes, models, dictionary) : readPlates(bytes, models, pipeline),
    close: () => ort.release(),
  };
}

const reader = await openReader();
// Warm-up: the first runs allocate memory and pick kernels; keep them out of the timings.
const first = await readFile(images[0]!.file);
for (let i = 0; i < 2; i++) await reader.read(first);
Object.assign(work, { detPixels: 0, recCrops: 0, recColumns: 0 });

const stepTotals: Record<string, number> = {};
let top1 = 0;
// Per region the pipeline read the photo as (US photos read as EU show up here too).
const byRegion: Record<string, { n: number; exactTop1: number }> = {};
let inTopK = 0;
// Per width of the labelled plate in the photo: how small a plate the pipeline still reads.
const byPlateWidthPx: Record<string, { n: number; exactTop1: number }> = {};
/** A 7-character serial 60 px wide has about 8 px per character; 120 px wide, about 17. */
const widthBucket = (w: number) => (w < 60 ? '<60' : w < 120 ? '60-119' : '120+');
const times: number[] = [];
for (const [i, image] of images.entries()) {
  const bytes = await readFile(image.file);
  const t0 = performance.now();
  const { plates, timingsMs, region: used } = await reader.read(bytes);
  times.push(performance.now() - t0);
  for (const [step, ms] of Object.entries(timingsMs))
    stepTotals[step] = (stepTotals[step] ?? 0) + ms;
  const truth = new Set(image.plates.map((p) => p.text));
  const texts = plates.map((p) => normalisePlate(p.text));
  const ok = texts[0] !== undefined && truth.has(texts[0]);
  top1 += ok ? 1 : 0;
  const key = used ? used.id : 'none';
  const tally = (byRegion[key] ??= { n: 0, exactTop1: 0 });
  tally.n++;
  tally.exactTop1 += ok ? 1 : 0;
  inTopK += texts.slice(0, topK).some((t) => truth.has(t)) ? 1 : 0;
  const size = (byPlateWidthPx[widthBucket(image.plates[0]?.box[2] ?? 0)] ??= {
    n: 0,
    exactTop1: 0,
  });
  size.n++;
  size.exactTop1 += ok ? 1 : 0;
  const state = used?.state ? `/${used.state}` : '';
  const got = `${texts.slice(0, topK).join(' ') || '-'} (${plates[0]?.confidence ?? 0}) as ${used?.id ?? '?'}${state}`;
  const line = `${i + 1}/${images.length} ${basename(image.file)} ${ok ? 'ok  ' : 'MISS'} want ${[...truth].join('|')} got ${got}`;
  if (values.verbose || !ok) console.error(line);
}
await reader.close();

const mean = (x: number) => (x / images.length).toFixed(1);
console.error(
  `mean ms per step: ${Object.entries(stepTotals)
    .map(([s, ms]) => `${s} ${mean(ms)}`)
    .join(', ')}`,
);
if (work.recCrops > 0) {
  const width = work.recColumns / work.recCrops;
  console.error(
    `work per photo: detector ${mean(work.detPixels)} px, recogniser ${mean(work.recCrops)} crops × ${width.toFixed(0)} px`,
  );
}
times.sort((a, b) => a - b);
const round = (x: number, d = 4) => Number(x.toFixed(d));
/** Tallies as shares, keys in `order` when given. */
const rates = (tallies: Record<string, { n: number; exactTop1: number }>, order?: string[]) =>
  Object.fromEntries(
    (order ?? Object.keys(tallies))
      .filter((k) => tallies[k])
      .map((k) => [
        k,
        { n: tallies[k]!.n, exactTop1: round(tallies[k]!.exactTop1 / tallies[k]!.n) },
      ]),
  );
console.log(
  JSON.stringify({
    n: images.length,
    exactTop1: round(top1 / images.length),
    inTopK: round(inTopK / images.length),
    msPerImageP50: round(times[Math.floor(times.length / 2)]!, 1),
    region: values.naive ? 'naive' : region,
    byRegion: rates(byRegion),
    byPlateWidthPx: rates(byPlateWidthPx, ['<60', '60-119', '120+']),
  }),
);
