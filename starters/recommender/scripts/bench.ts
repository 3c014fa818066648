// `pnpm bench`: how long one top-10 recommendation for a new user takes (20 ratings folded in,
// every movie scored, the best 10 explained), in this process and over HTTP.
//   inProcessP50Ms   recommendMovies() with ONNX Runtime in this process: validate → fold-in →
//                    score + TopK → filter → explanations (the bar: ≤ 5 ms)
//   httpP50Ms        POST /api/recommendations on the built server (`pnpm start`), the same work
//                    plus JSON, HTTP and @shipml/serve's worker hop (the bar: ≤ 15 ms)
//   typescriptP50Ms  the same in-process request with the scoring step in plain TypeScript
//   bigRequestP50Ms  in-process, one request of 10,000 ratings
// Each figure is the median over BENCH_ROUNDS rounds of that round's p50; the ratios are the
// medians of the rounds' own ratios. Last line: JSON.
import { buildForProduction, startProduction } from '@shipml/dev/e2e';
import { createRandom } from '@shipml/random';
import { loadModels } from '../server/models.js';
import { typescriptScorer } from '../server/pipeline/item-scorer.js';
import { createOrtScorer } from '../server/pipeline/ort-scorer.js';
import {
  recommendMovies,
  type RecommendationRequest,
} from '../server/pipeline/recommend-movies.js';
import { createRecommender } from '../server/pipeline/recommender.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 200);

/** p50 of `fn`'s wall time in ms over `n` calls, after a few warm-up calls. */
async function p50(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return median(ms);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const { models, stored } = await loadModels();
const { model } = stored;
const rec = createRecommender(model);
const ort = await createOrtScorer(stored.onnxPath);
const ts = typescriptScorer(model);

// Requests like a user's first page: 20 ratings of movies with at least 10 ratings each.
const random = createRandom(3);
const known = Array.from(model.ratingCount.keys()).filter((i) => model.ratingCount[i]! >= 10);
const ratings = (n: number) =>
  Array.from({ length: n }, () => ({
    itemId: model.items[known[random.int(known.length)]!]!.id,
    rating: model.scale.min + random.int(model.scale.max - model.scale.min + 1),
  }));
const requests: RecommendationRequest[] = Array.from({ length: 64 }, () => ({
  ratings: ratings(20),
  k: 10,
}));
const big: RecommendationRequest = { ratings: ratings(10_000), k: 10 };

console.error('building the app…');
await buildForProduction();
const server = await startProduction();
const viaHttp = async (req: RecommendationRequest) => {
  const res = await fetch(`${server.url}/api/recommendations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return res.json();
};

const rounds: Record<'inProcess' | 'http' | 'typescript' | 'big', number>[] = [];
try {
  for (let r = 0; r < ROUNDS; r++) {
    const pick = (i: number) => requests[i % requests.length]!;
    rounds.push({
      inProcess: await p50(PER_ROUND, (i) => recommendMovies(rec, ort, pick(i))),
      http: await p50(PER_ROUND, (i) => viaHttp(pick(i))),
      typescript: await p50(PER_ROUND, (i) => recommendMovies(rec, ts, pick(i))),
      big: await p50(10, () => recommendMovies(rec, ort, big)),
    });
    console.error(`round ${r + 1}/${ROUNDS}: ${JSON.stringify(rounds.at(-1))}`);
  }
} finally {
  await server.stop('SIGTERM');
  await ort.close();
}

const med = (key: keyof (typeof rounds)[number]) =>
  Number(median(rounds.map((r) => r[key])).toFixed(3));
const ratio = (a: keyof (typeof rounds)[number], b: keyof (typeof rounds)[number]) =>
  Number(median(rounds.map((r) => r[a] / r[b])).toFixed(3));
console.log(
  JSON.stringify({
    inProcessP50Ms: med('inProcess'),
    httpP50Ms: med('http'),
    typescriptP50Ms: med('typescript'),
    ortVsTypescript: ratio('inProcess', 'typescript'),
    httpVsInProcess: ratio('http', 'inProcess'),
    bigRequestP50Ms: med('big'),
    bigRequestRatings: big.ratings.length,
    ratingsPerRequest: 20,
    k: 10,
    items: model.items.length,
    factors: model.factors,
    rounds: ROUNDS,
    requestsPerRound: PER_ROUND,
    model: models[0]!.name,
  }),
);
