import { createRandom, type Random } from '@shipml/random';
import type { ItemFeatures } from '../pipeline/item-features.js';
import { RatingColumnsBuilder } from './rating-columns.js';
import type { RatingColumns } from './types.js';

/** The knobs of the simulated audience; defaults mimic ml-100k's statistics. */
export interface TasteOptions {
  nUsers: number;
  /** Total ratings to draw (spread over users with a heavy tail, at least `minPerUser` each). */
  nRatings: number;
  minPerUser: number;
  /**
   * Spread (standard deviation of the log) of ratings per user above `minPerUser`. Activity is
   * long-tailed: in ml-100k a quarter of users rated ≤ 33 movies, half ≤ 65, one 737 (≈ 1.5).
   */
  activitySd: number;
  /**
   * Share of 1…5 stars, or null to round r to the nearest star. Real stars are not a rounded
   * bell curve: ml-100k's are 6/11/27/34/21 % (mean 3.53, a longer tail of 1s than of 2s), so
   * the simulator cuts the noisy ratings at the quantiles that give these shares.
   */
  starShares: readonly number[] | null;
  /** Dimensions of the hidden taste space. */
  rank: number;
  /** Share of an item's taste vector explained by its features (0..1). */
  featureShare: number;
  globalMean: number;
  userBiasSd: number;
  /** Standard deviation of the taste term q·p. */
  tasteSd: number;
  /** Standard deviation of the rating noise before rounding. */
  noiseSd: number;
  /** How strongly users pick what they expect to like (0: pure popularity). */
  selectivity: number;
  seed: number;
}

/** The hidden truth behind simulated ratings, to check what a model recovers. */
export interface TasteTruth {
  userVectors: Float64Array; // [nUsers, rank]
  itemVectors: Float64Array; // [nItems, rank]
  userBias: Float64Array;
  itemBias: Float64Array;
}

/**
 * Simulates users rating items: r = μ + b_u + b_i + q_i·p_u + noise, turned into whole stars
 * 1..5 (rounded, or cut so the stars have the shares in `starShares`).
 * Each item's taste vector leans on its features (users who like one Western like others).
 * Which items a user rates is not random: popular items and items the user should like are
 * picked more often (Gumbel top-k on log popularity + selectivity × expected liking), as in
 * real logs. `itemQuality` is the true item bias, `popularity` a positive selection weight.
 */
export function simulateTastes(
  features: ItemFeatures,
  popularity: Float64Array,
  itemQuality: Float64Array,
  options: TasteOptions,
): { ratings: RatingColumns; truth: TasteTruth } {
  const o = options;
  const random = createRandom(o.seed);
  const nItems = popularity.length;
  const k = o.rank;
  const featureVectors = gaussian(features.names.length * k, 1, random);
  const itemVectors = new Float64Array(nItems * k);
  for (let i = 0; i < nItems; i++) {
    const from = features.offset[i]!;
    const to = features.offset[i + 1]!;
    const share = to > from ? o.featureShare : 0;
    for (let d = 0; d < k; d++) {
      let s = 0;
      for (let j = from; j < to; j++) s += featureVectors[features.index[j]! * k + d]!;
      if (to > from) s /= Math.sqrt(to - from);
      itemVectors[i * k + d] = share * s + Math.sqrt(1 - share * share) * random.normal();
    }
  }
  // q·p with q, p ~ N(0, I/√k·…) has standard deviation tasteSd.
  const userScale = o.tasteSd / Math.sqrt(k);
  const userVectors = gaussian(o.nUsers * k, userScale, random);
  const userBias = gaussian(o.nUsers, o.userBiasSd, random);
  const counts = ratingsPerUser(o, nItems, random);
  const logPop = popularity.map((p) => Math.log(p));
  const out = new RatingColumnsBuilder();
  const raw: number[] = [];
  const key = new Float64Array(nItems);
  const order = new Int32Array(nItems);
  const taste = new Float64Array(nItems);
  for (let u = 0; u < o.nUsers; u++) {
    for (let i = 0; i < nItems; i++) {
      let t = 0;
      for (let d = 0; d < k; d++) t += itemVectors[i * k + d]! * userVectors[u * k + d]!;
      taste[i] = t;
      const gumbel = -Math.log(-Math.log(random.next() || 1e-12));
      key[i] = logPop[i]! + o.selectivity * (t + itemQuality[i]!) + gumbel;
      order[i] = i;
    }
    order.sort((a, b) => key[b]! - key[a]!);
    for (let n = 0; n < counts[u]!; n++) {
      const i = order[n]!;
      out.add(u, i, 0);
      raw.push(
        o.globalMean + userBias[u]! + itemQuality[i]! + taste[i]! + o.noiseSd * random.normal(),
      );
    }
  }
  const ratings = out.finish();
  const stars = o.starShares ? cutIntoStars(raw, o.starShares) : roundToStars(raw);
  ratings.value.set(stars);
  return {
    ratings,
    truth: { userVectors, itemVectors, userBias, itemBias: itemQuality },
  };
}

/** Heavy-tailed ratings per user (lognormal above a floor), scaled to sum to nRatings. */
function ratingsPerUser(o: TasteOptions, nItems: number, random: Random): Int32Array {
  const extra = Float64Array.from({ length: o.nUsers }, () =>
    Math.exp(o.activitySd * random.normal()),
  );
  const budget = o.nRatings - o.minPerUser * o.nUsers;
  const sum = extra.reduce((a, b) => a + b, 0);
  const cap = Math.floor(nItems * 0.44); // ml-100k: the busiest user rated 737 of 1682
  const counts = Int32Array.from(extra, (e) =>
    Math.min(cap, o.minPerUser + Math.round((e / sum) * budget)),
  );
  // Rounding and the cap leave the total a little off; settle the difference on random users.
  let total = counts.reduce((a, b) => a + b, 0);
  while (total !== o.nRatings) {
    const u = random.int(o.nUsers);
    const step = total < o.nRatings ? 1 : -1;
    const next = counts[u]! + step;
    if (next < o.minPerUser || next > cap) continue;
    counts[u] = next;
    total += step;
  }
  return counts;
}

function roundToStars(raw: number[]): number[] {
  return raw.map((r) => Math.min(5, Math.max(1, Math.round(r))));
}

/** Stars 1, 2, … by rank: the lowest shares[0] of `raw` get 1 star, the next shares[1] 2, … */
function cutIntoStars(raw: number[], shares: readonly number[]): Float32Array {
  const total = shares.reduce((a, b) => a + b, 0);
  const order = Array.from(raw.keys()).sort((a, b) => raw[a]! - raw[b]!);
  const stars = new Float32Array(raw.length);
  let star = 0;
  let upTo = 0;
  order.forEach((r, rank) => {
    while (rank >= upTo && star < shares.length) upTo += (shares[star++]! / total) * raw.length;
    stars[r] = star;
  });
  return stars;
}

function gaussian(n: number, sd: number, random: Random): Float64Array {
  return Float64Array.from({ length: n }, () => sd * random.normal());
}
