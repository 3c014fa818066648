/**
 * `pnpm --filter @shipml/serve bench:generate`: continuous batching on a tiny random GPT-2
 * (d=128, 4 layers, byte-level, ~0.9M parameters; its end-of-text token is suppressed so every
 * stream runs to `max_tokens`).
 *   - inProcess: the worker's step loop driven in this process through a MessageChannel (the
 *     same generation code, no worker thread, no HTTP): one stream's tokens/s;
 *   - inProcess8: the same with eight concurrent streams, their aggregate tokens/s; also as
 *     tokens per CPU-second of this process (the step loop runs on this thread with one ONNX
 *     thread), which a busy machine disturbs far less than wall-clock rates;
 *   - http1: one stream through `POST …/generate_stream` (SSE) on a server in a child process;
 *   - http8: eight concurrent streams, their aggregate tokens/s;
 *   - ttft: time to the first SSE token for a 100-character prompt, p50 over sequential requests.
 * Prints one JSON line: medians over SHIPML_BENCH_RUNS rounds (default 3) and the ratios
 * http1 / inProcess, http8 / http1 and inProcess8 / inProcess (wall clock and CPU time).
 * SHIPML_BENCH_CONTEXT sets the model's context (default 256); a stream ends at the context's
 * end, so a shorter one makes shorter streams.
 */
import { MessageChannel } from 'node:worker_threads';
import { getFreePort, makeTempDir, waitForHttp, writeTinyGpt2 } from '@shipml/test-utils';
import type * as HfModel from '../src/worker/causal-lm/hf-model.js';
import type * as StepLoop from '../src/worker/causal-lm/step-loop.js';
import type { StreamBatch, StreamCommand } from '../src/worker/protocol.js';
import { median, percentile, spawnScript } from './shared.js';

const RUNS = Number(process.env.SHIPML_BENCH_RUNS ?? 3);
const TOKENS = 200;
const CONTEXT = Number(process.env.SHIPML_BENCH_CONTEXT ?? 256);
const PROMPT =
  'The quick brown fox jumps over the lazy dog while the cat watches from the old stone wall nearby.!';

const dir = makeTempDir('shipml-generate-bench-');
writeTinyGpt2(dir.path, { eosBias: -100, context: CONTEXT });

// The worker's modules, compiled, as the server runs them; one session, warmed up below.
const dist = (f: string) => new URL(`../dist/worker/causal-lm/${f}`, import.meta.url).href;
const { loadCausalLm } = (await import(dist('hf-model.js'))) as typeof HfModel;
const { serveStreams } = (await import(dist('step-loop.js'))) as typeof StepLoop;
const lm = await loadCausalLm(dir.path, 1);

/**
 * Tokens per second, and per CPU-second of this process, of `streams` concurrent generations
 * run by the step loop in this thread.
 */
async function inProcess(streams: number): Promise<{ perS: number; perCpuS: number }> {
  const { port1, port2 } = new MessageChannel();
  const loop = serveStreams(lm, port2);
  let tokens = 0;
  let left = streams;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const done = new Promise<void>((resolve) =>
    port1.on('message', (b: StreamBatch) => {
      for (const e of b.events) {
        if (e.kind === 'token') tokens++;
        if (e.kind === 'done' && --left === 0) resolve();
      }
    }),
  );
  const params = { seed: 1, stop: [], n: 1, maxTokens: TOKENS, temperature: 0 };
  for (let id = 1; id <= streams; id++) {
    port1.postMessage({ type: 'join', id, prompt: PROMPT, params } satisfies StreamCommand);
  }
  await done;
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  port1.postMessage({ type: 'stop' } satisfies StreamCommand);
  await loop;
  return { perS: tokens / seconds, perCpuS: tokens / ((used.user + used.system) / 1e6) };
}

/** One SSE stream: its token count and the delay to its first token, ms. */
async function stream(
  base: string,
  maxTokens: number,
): Promise<{ tokens: number; ttftMs: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/v2/models/gpt/generate_stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text_input: PROMPT, parameters: { max_tokens: maxTokens } }),
  });
  let tokens = 0;
  let ttftMs = NaN;
  const decoder = new TextDecoder();
  for await (const chunk of res.body!) {
    const n = decoder.decode(chunk as Uint8Array).split('data: ').length - 1;
    if (n > 0 && tokens === 0) ttftMs = performance.now() - started;
    tokens += n;
  }
  return { tokens, ttftMs };
}

async function http(base: string, streams: number): Promise<number> {
  const started = performance.now();
  const all = await Promise.all(Array.from({ length: streams }, () => stream(base, TOKENS)));
  return all.reduce((s, r) => s + r.tokens, 0) / ((performance.now() - started) / 1000);
}

const port = await getFreePort();
const base = `http://127.0.0.1:${port}`;
const server = spawnScript('generate-server.ts', [dir.path, String(port)]);
try {
  await waitForHttp(`${base}/v2/health/ready`, 120_000);
  await http(base, 8); // warm-up
  await inProcess(1);
  type Rates = Awaited<ReturnType<typeof inProcess>>;
  const rounds: {
    inProcess: Rates;
    inProcess8: Rates;
    http1: number;
    http8: number;
    ttft: number;
  }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const ttfts = [];
    for (let i = 0; i < 20; i++) ttfts.push((await stream(base, 1)).ttftMs);
    rounds.push({
      inProcess: await inProcess(1),
      inProcess8: await inProcess(8),
      http1: await http(base, 1),
      http8: await http(base, 8),
      ttft: percentile(ttfts, 50),
    });
    console.error(`round ${r + 1}: ${JSON.stringify(rounds.at(-1))}`);
  }
  const med = (f: (x: (typeof rounds)[number]) => number) =>
    Math.round(median(rounds.map(f)) * 100) / 100;
  console.log(
    JSON.stringify({
      model: `tiny-gpt2 d=128 L=4 H=4 context=${CONTEXT} byte-level`,
      tokensPerStream: TOKENS,
      inProcessTokensPerS: med((x) => x.inProcess.perS),
      inProcess8TokensPerS: med((x) => x.inProcess8.perS),
      inProcess8VsInProcess: med((x) => x.inProcess8.perS / x.inProcess.perS),
      inProcessTokensPerCpuS: med((x) => x.inProcess.perCpuS),
      inProcess8TokensPerCpuS: med((x) => x.inProcess8.perCpuS),
      inProcess8VsInProcessCpu: med((x) => x.inProcess8.perCpuS / x.inProcess.perCpuS),
      http1TokensPerS: med((x) => x.http1),
      http8TokensPerS: med((x) => x.http8),
      http1VsInProcess: med((x) => x.http1 / x.inProcess.perS),
      http8VsHttp1: med((x) => x.http8 / x.http1),
      ttftP50Ms: med((x) => x.ttft),
    }),
  );
} finally {
  server.kill();
  dir.remove();
}
