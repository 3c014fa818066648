/**
 * Seeded synthetic plate photos for tests and evaluation.
 *
 *   pnpm --filter @shipml/starter-license-plate synth -- <out-dir> [--count 50] [--seed 1] [--set mixed]
 *     [--hard] [--font <file.ttf> ...] [--blanks <dir>] [--traffic] [--badges]
 *
 * Writes synth-NNNN.jpg + synth-NNNN.txt (OpenALPR benchmark format) and prints a JSON summary
 * as the last stdout line. `--set us` draws US plates only (state name, slogan, stickers, frames,
 * close-ups and far cars), `--set br` Brazilian ones (Mercosul and the older grey plates).
 * `--hard` makes the photos harder, closer to real ones: smaller and farther plates, stronger blur
 * and compression, steeper angles, dim plates, bumper stickers, bolts and frame text.
 * `--font` (repeatable) draws the serials in these TrueType/OpenType files instead of the system's
 * DejaVu faces, e.g. condensed gothic faces like most US plates use.
 * `--blanks <dir>` prints the US serials onto pictures of real blank plates in that folder (state
 * name, slogan and artwork as the state prints them) instead of drawing the plates; a file whose
 * name starts with a state's postal code ("az1996.jpg") gets that state's serial formats.
 * `--traffic` adds a second, farther car beside the photographed one, with a plate of its own; the
 * label is the photographed (nearer) car's plate. `--badges` puts model and trim badges ("RAV4",
 * "LIMITED") on the photographed car's boot lid, above the plate.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFontFile } from './synth/font-file.js';
import { generateSet } from './synth/generate.js';
import { readPlateBlanks } from './synth/plate-blanks.js';

// `pnpm <script> -- <args>` passes the `--` through; drop it so the options after it still parse.
const args = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    set: { type: 'string', default: 'mixed' },
    hard: { type: 'boolean', default: false },
    font: { type: 'string', multiple: true, default: [] },
    blanks: { type: 'string' },
    traffic: { type: 'boolean', default: false },
    badges: { type: 'boolean', default: false },
  },
});
if (!positionals[0]) {
  console.error(
    'usage: synth <out-dir> [--count 50] [--seed 1] [--set mixed|eu|us|br] [--hard] [--font <file.ttf> ...] [--blanks <dir>] [--traffic] [--badges]',
  );
  process.exit(2);
}
const dir = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
const sets = ['mixed', 'eu', 'us', 'br'] as const;
const set = sets.find((s) => s === values.set);
if (!set) {
  console.error(`--set must be one of ${sets.join(', ')}`);
  process.exit(2);
}
const cwd = process.env.INIT_CWD ?? process.cwd();
let fonts, blanks;
try {
  fonts = values.font.map((f) => readFontFile(resolve(cwd, f)));
  blanks = values.blanks ? await readPlateBlanks(resolve(cwd, values.blanks)) : undefined;
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
const samples = await generateSet(dir, Number(values.count), Number(values.seed), {
  set,
  hard: values.hard,
  traffic: values.traffic,
  badges: values.badges,
  fonts,
  ...(blanks ? { blanks } : {}),
});
const regions: Record<string, number> = {};
for (const s of samples) regions[s.region] = (regions[s.region] ?? 0) + 1;
const farther = samples.filter((s) => s.farther).length;
console.log(JSON.stringify({ dir, count: samples.length, regions, ...(values.traffic ? { fartherCars: farther } : {}) })); // prettier-ignore
