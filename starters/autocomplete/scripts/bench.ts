// `pnpm bench`: how fast completions are through the app's HTTP API, against the same
// generation code called in this process, and what batching concurrent streams buys.
//   ttftMsP50               time to the first piece of text of a 100-character prompt, p50
//   tokensPerSec            one stream through POST /api/complete/stream (the built server)
//   inProcessTokensPerSec   the same request through @shipml/serve's generation code in-process
//   tokensPerSecAt8         eight concurrent streams through the API, all their tokens per second
// Medians over ROUNDS rounds; each ratio is the median of the rounds' own ratios. Last line: JSON.
// A timed run lasts a fraction of a second, so a busy moment on a shared machine moves a whole
// round: 15 rounds (a few seconds) keep the medians steady.
import { Agent, request as httpRequest } from 'node:http';
import { dirname } from 'node:path';
import { buildForProduction, startProduction } from '@shipml/dev/e2e';
import { openLocalGenerator } from '@shipml/serve/causal-lm';
import { loadModels } from '../server/models.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const NEW_TOKENS = 96;
const PROMPT = 'It was the best of times, it was the worst';
const PROMPT_100 =
  'Call me Ishmael. Some years ago, never mind how long precisely, having little or no money in my p';
const request = {
  prompt: PROMPT,
  maxNewTokens: NEW_TOKENS,
  temperature: 1,
  topK: 0,
  topP: 1,
  seed: 1,
};

const agent = new Agent({ keepAlive: true });

/**
 * One streamed completion through the API: tokens it carried, seconds, ms to the first piece.
 * The client reads every Server-Sent Event, parses it and joins the pieces; the answer's text
 * must equal what the last event says, and the token count comes from that event. It uses
 * node:http rather than fetch: both reach the same server through the same sockets, but fetch's
 * web streams cost several times more CPU per chunk, and this machine's cores are shared by the
 * client and the server. The single stream and the eight concurrent ones use this same client.
 */
function viaHttp(
  url: string,
  body: object,
): Promise<{ tokens: number; seconds: number; firstMs: number }> {
  const started = performance.now();
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/api/complete/stream`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
        res.setEncoding('utf8');
        let firstMs = NaN;
        let tokens = -1;
        let text = '';
        let unread = '';
        res.on('data', (chunk: string) => {
          if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
          unread += chunk;
          for (let end = unread.indexOf('\n\n'); end >= 0; end = unread.indexOf('\n\n')) {
            const event = JSON.parse(unread.slice('data: '.length, end)) as {
              text?: string;
              done?: true;
              tokens?: number;
              completions?: { text: string }[];
            };
            unread = unread.slice(end + 2);
            if (!event.done) text += event.text;
            else if (event.completions?.[0]?.text !== text)
              reject(new Error('the pieces do not add up to the answer'));
            else tokens = event.tokens!;
          }
        });
        res.on('error', reject);
        res.on('end', () => {
          if (tokens < 0) reject(new Error('the stream ended without its last event'));
          resolve({ tokens, seconds: (performance.now() - started) / 1000, firstMs });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.error('building the app…');
await buildForProduction();
const [model] = await loadModels();
const config = model?.model?.files?.['config.json'];
if (!config) throw new Error('the default model has no config.json');
const folder = dirname(config);
const local = await openLocalGenerator(folder);
const server = await startProduction();
try {
  // Warm both up: the server once with one stream and once with eight (eight reach both workers).
  await viaHttp(server.url, request);
  await Promise.all(
    Array.from({ length: 8 }, (_, i) => viaHttp(server.url, { ...request, seed: i + 1 })),
  );
  for await (const _ of local.generate({ text_input: PROMPT, parameters: { max_tokens: 8 } }));

  const rounds: {
    ttftMsP50: number;
    tokensPerSec: number;
    inProcessTokensPerSec: number;
    tokensPerSecAt8: number;
  }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const ttfts = [];
    for (let i = 0; i < 15; i++) {
      ttfts.push((await viaHttp(server.url, { prompt: PROMPT_100, maxNewTokens: 1 })).firstMs);
    }
    const one = await viaHttp(server.url, request);

    const t0 = performance.now();
    let localTokens = 0;
    for await (const e of local.generate({
      text_input: PROMPT,
      parameters: { max_tokens: NEW_TOKENS, temperature: 1, top_k: 0, top_p: 1, seed: 1 },
    })) {
      if (e.type === 'token') localTokens++;
    }
    const inProcess = localTokens / ((performance.now() - t0) / 1000);

    const t8 = performance.now();
    const eight = await Promise.all(
      Array.from({ length: 8 }, (_, i) => viaHttp(server.url, { ...request, seed: i + 1 })),
    );
    const at8 = eight.reduce((s, x) => s + x.tokens, 0) / ((performance.now() - t8) / 1000);

    const round = {
      ttftMsP50: median(ttfts),
      tokensPerSec: one.tokens / one.seconds,
      inProcessTokensPerSec: inProcess,
      tokensPerSecAt8: at8,
    };
    console.error(`round ${r + 1}: ${JSON.stringify(round)}`);
    rounds.push(round);
  }
  const med = (f: (r: (typeof rounds)[number]) => number, digits = 1): number =>
    Math.round(median(rounds.map(f)) * 10 ** digits) / 10 ** digits;
  console.log(
    JSON.stringify({
      ttftMsP50: med((r) => r.ttftMsP50),
      tokensPerSec: med((r) => r.tokensPerSec),
      inProcessTokensPerSec: med((r) => r.inProcessTokensPerSec),
      serveVsInProcess: med((r) => r.tokensPerSec / r.inProcessTokensPerSec, 2),
      tokensPerSecAt8: med((r) => r.tokensPerSecAt8),
      at8VsSingle: med((r) => r.tokensPerSecAt8 / r.tokensPerSec, 2),
    }),
  );
} finally {
  agent.destroy();
  await server.stop();
  await local.close();
}
