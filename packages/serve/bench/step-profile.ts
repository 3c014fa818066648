/**
 * `tsx bench/step-profile.ts [modelFolder] [rounds]`: the causal-LM step loop's own speed, in
 * this thread through `openLocalGenerator` (no worker, no HTTP) with one ONNX thread, so that
 * `node --cpu-prof --import tsx bench/step-profile.ts …` profiles only generation code.
 * Each round runs one stream, then eight concurrent streams (96 new tokens each, temperature 1,
 * no top-k or top-p, seeded). The folder defaults to a tiny random GPT-2 (context 128, its
 * end-of-text token suppressed). Prints one JSON line: medians over the rounds of tokens/s and
 * tokens per CPU-second of this process for 1 and 8 streams, and the 8-vs-1 ratios.
 */
import { makeTempDir, writeTinyGpt2 } from '@shipml/test-utils';
import { openLocalGenerator } from '../src/causal-lm-local.js';
import { median } from './shared.js';

const [folderArg, roundsArg = '7'] = process.argv.slice(2);
const ROUNDS = Number(roundsArg);
const TOKENS = 96;
const PROMPT = 'It was the best of times, it was the worst';

let folder = folderArg;
const temp = folder ? undefined : makeTempDir('shipml-step-profile-');
if (temp) folder = writeTinyGpt2(temp.path, { eosBias: -100, context: 128 });
const local = await openLocalGenerator(folder!, 1);

/** Tokens of one stream with `seed`. */
async function stream(seed: number): Promise<number> {
  let tokens = 0;
  for await (const e of local.generate({
    text_input: PROMPT,
    parameters: { max_tokens: TOKENS, temperature: 1, top_k: 0, top_p: 1, seed },
  })) {
    if (e.type === 'token') tokens++;
  }
  return tokens;
}

/** Tokens/s and tokens per CPU-second of `streams` concurrent streams. */
async function rate(streams: number): Promise<{ perS: number; perCpuS: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const counts = await Promise.all(Array.from({ length: streams }, (_, i) => stream(i + 1)));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const tokens = counts.reduce((a, b) => a + b, 0);
  return { perS: tokens / seconds, perCpuS: tokens / ((used.user + used.system) / 1e6) };
}

try {
  await rate(1);
  await rate(8); // warm-up
  type Rate = Awaited<ReturnType<typeof rate>>;
  const ones: Rate[] = [];
  const eights: Rate[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    ones.push(await rate(1));
    eights.push(await rate(8));
  }
  const med = (xs: Rate[], k: keyof Rate) => Math.round(median(xs.map((x) => x[k])));
  const round2 = (x: number) => Math.round(x * 100) / 100;
  console.log(
    JSON.stringify({
      tokensPerSec1: med(ones, 'perS'),
      tokensPerCpuSec1: med(ones, 'perCpuS'),
      tokensPerSec8: med(eights, 'perS'),
      tokensPerCpuSec8: med(eights, 'perCpuS'),
      at8VsSingle: round2(median(eights.map((e, i) => e.perS / ones[i]!.perS))),
      at8VsSingleCpu: round2(median(eights.map((e, i) => e.perCpuS / ones[i]!.perCpuS))),
    }),
  );
} finally {
  await local.close();
  temp?.remove();
}
