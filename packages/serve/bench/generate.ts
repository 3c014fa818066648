/**
 * `pnpm --filter @shipml/serve bench:generate`: continuous batching on a tiny random GPT-2
 * (d=128, 4 layers, byte-level, ~0.9M parameters; its end-of-text token is suppressed so every
 * stream runs to `max_tokens`).
 *   - inProcess: the worker's step loop driven in this process through a MessageChannel (the
 *     same generation code, no worker thread, no HTTP): one stream's tokens/s;
 *   - http1: one stream through `POST …/generate_stream` (SSE) on a server in a child process;
 *   - http8: eight concurrent streams, their aggregate tokens/s;
 *   - ttft: time to the first SSE token for a 100-character prompt, p50 over sequential requests.
 * Prints one JSON line: medians over SHIPML_BENCH_RUNS rounds (default 3) and the ratios
 * http1 / inProcess and http8 / http1.
 */
import { MessageChannel } from 'node:worker_threads';
import { getFreePort, makeTempDir, waitForHttp, writeTinyGpt2 } from '@shipml/test-utils';
import type * as HfModel from '../src/worker/causal-lm/hf-model.js';
import type * as StepLoop from '../src/worker/causal-lm/step-loop.js';
import type { StreamBatch, StreamCommand } from '../src/worker/protocol.js';
import { median, percentile, spawnScript } from './shared.js';

const RUNS = Number(process.env.SHIPML_BENCH_RUNS ?? 3);
const TOKENS = 200;
const PROMPT =
  'The quick brown fox jumps over the lazy dog while the cat watches from the old stone wall nearby.!';

const dir = makeTempDir('shipml-generate-bench-');
writeTinyGpt2(dir.path, { eosBias: -100 });

// The worker's modules, compiled, as the server runs them; one session, warmed up below.
const dist = (f: string) => new URL(`../dist/worker/causal-lm/${f}`, import.meta.url).href;
const { loadCausalLm } = (await import(dist('hf-model.js'))) as typeof HfModel;
const { serveStreams } = (await import(dist('step-loop.js'))) as typeof StepLoop;
const lm = await loadCausalLm(dir.path, 1);

/** Tokens/s of `streams` concurrent generations run by the step loop in this thread. */
async function inProcess(streams: number): Promise<number> {
  const { port1, port2 } = new MessageChannel();
  const loop = serveStreams(lm, port2);
  let tokens = 0;
  let left = streams;
  const started = performance.now();
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
  port1.postMessage({ type: 'stop' } satisfies StreamCommand);
  await loop;
  return tokens / seconds;
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
  const rounds: { inProcess: number; http1: number; http8: number; ttft: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const ttfts = [];
    for (let i = 0; i < 20; i++) ttfts.push((await stream(base, 1)).ttftMs);
    rounds.push({
      inProcess: await inProcess(1),
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
      model: 'tiny-gpt2 d=128 L=4 byte-level',
      tokensPerStream: TOKENS,
      inProcessTokensPerS: med((x) => x.inProcess),
      http1TokensPerS: med((x) => x.http1),
      http8TokensPerS: med((x) => x.http8),
      http1VsInProcess: med((x) => x.http1 / x.inProcess),
      http8VsHttp1: med((x) => x.http8 / x.http1),
      ttftP50Ms: med((x) => x.ttft),
    }),
  );
} finally {
  server.kill();
  dir.remove();
}
