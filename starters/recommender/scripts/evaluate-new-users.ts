import { createRandom, shuffle, type Random } from '@shipml/random';
import { selectRows } from '../server/data/rating-columns.js';
import type { TasteTruth } from '../server/data/taste-simulator.js';
import type { RatingData } from '../server/data/types.js';
import { fitModel } from '../server/pipeline/fit-model.js';
import { foldIn, type UserRating } from '../server/pipeline/fold-in.js';
import type { Hyperparameters } from '../server/pipeline/hyperparameters.js';
import { rankingAtK } from '../server/pipeline/metrics.js';
import type { RecommenderModel } from '../server/pipeline/model.js';
import { rankingBonus, scoreItems } from '../server/pipeline/score-items.js';
import { topK } from '../server/pipeline/top-k.js';
import type { TrainProgress } from '../server/pipeline/train-factors.js';

/** Ranks every item for a new user from their given ratings → [nItems], higher is better. */
export type NewUserRanker = (model: RecommenderModel, given: UserRating[]) => ArrayLike<number>;

/** What a new user gives: `n` of their items rated ≥ 4 ("liked"), or `n` of any rating ("mix"). */
export interface NewUserProtocol {
  name: string;
  given: number;
  likedOnly: boolean;
}

/** The protocols the eval reports: 3 and 5 liked items, and 5 items of any rating. */
export const NEW_USER_PROTOCOLS: NewUserProtocol[] = [
  { name: 'liked3', given: 3, likedOnly: true },
  { name: 'liked5', given: 5, likedOnly: true },
  { name: 'mix5', given: 5, likedOnly: false },
];

/**
 * The rankings the eval compares: "personal" is what the app serves (fold-in, predicted stars +
 * popularity bonus); "sharedBiasPrior" the same with the bias under the vector's prior (the
 * fold-in before the bias had its own); "popularity" the number of training ratings.
 */
export const NEW_USER_RANKERS: Record<string, NewUserRanker> = {
  personal: (model, given) => personalRanking(model, given),
  sharedBiasPrior: (model, given) => {
    const h = model.hyperparameters;
    return personalRanking(
      { ...model, hyperparameters: { ...h, foldInBiasPrior: h.foldInPrior } },
      given,
    );
  },
  popularity: (model) => model.ratingCount,
};

function personalRanking(model: RecommenderModel, given: UserRating[]): Float32Array {
  const bonus = rankingBonus(model);
  return scoreItems(model, foldIn(model, given)).map((s, i) => s + bonus[i]!);
}

const K = 10;
const LIKED = 4;

/**
 * Cold start as the page sees it. A seeded `share` of users is held out of training entirely;
 * each held-out user then gives a few of their own ratings (per protocol), every other item is
 * ranked by each ranker, and their remaining items rated ≥ 4 are what counts as relevant.
 * Users are split into `folds` groups, each held out once (one training per group). Returns mean
 * NDCG@10 and recall@10 per protocol and ranker, the number of users scored, and on synthetic
 * data (`truth`) the mean hidden taste q·p, in stars, of each top 10: how much it suits the user.
 */
export function evaluateNewUsers(
  data: RatingData,
  h: Hyperparameters,
  rankers: Record<string, NewUserRanker>,
  options: {
    folds?: number;
    seed?: number;
    truth?: TasteTruth;
    onEpoch?: (p: TrainProgress) => void;
  } = {},
): Record<string, Record<string, number>> {
  const { folds = 5, seed = 7, truth, onEpoch } = options;
  const rank = truth ? truth.userVectors.length / data.users.length : 0;
  /** The hidden taste q_i·p_u in stars (synthetic data only): what "towards their taste" means. */
  const trueTaste = (u: number, items: number[]) => {
    let s = 0;
    for (const i of items)
      for (let d = 0; d < rank; d++)
        s += truth!.itemVectors[i * rank + d]! * truth!.userVectors[u * rank + d]!;
    return s / Math.max(1, items.length);
  };
  const random = createRandom(seed);
  const users = Int32Array.from({ length: data.users.length }, (_, u) => u);
  shuffle(users, random);
  const r = data.ratings;
  const byUser: UserRating[][] = Array.from({ length: data.users.length }, () => []);
  for (let k = 0; k < r.length; k++)
    byUser[r.user[k]!]!.push({ item: r.item[k]!, value: r.value[k]! });
  const sums = new Map<string, Record<string, number>>(NEW_USER_PROTOCOLS.map((p) => [p.name, {}]));
  const scored = new Map<string, number>();
  for (let fold = 0; fold < folds; fold++) {
    const heldOut = new Set(users.filter((_, n) => n % folds === fold));
    const trainRows = Int32Array.from({ length: r.length }, (_, k) => k).filter(
      (k) => !heldOut.has(r.user[k]!),
    );
    const { model } = fitModel(data, h, { train: selectRows(r, trainRows), onEpoch });
    for (const protocol of NEW_USER_PROTOCOLS)
      for (const u of heldOut) {
        const ratings = byUser[u]!;
        const given = pickGiven(ratings, protocol, random);
        if (!given) continue;
        const givenItems = new Set(given.map((g) => g.item));
        const relevant = new Set(
          ratings.filter((x) => x.value >= LIKED && !givenItems.has(x.item)).map((x) => x.item),
        );
        if (relevant.size === 0) continue;
        scored.set(protocol.name, (scored.get(protocol.name) ?? 0) + 1);
        const sum = sums.get(protocol.name)!;
        const add = (key: string, x: number) => (sum[key] = (sum[key] ?? 0) + x);
        for (const [name, ranker] of Object.entries(rankers)) {
          const top = topK(ranker(model, given), K, givenItems);
          const m = rankingAtK(top, relevant, K);
          add(`${name}NdcgAt10`, m.ndcg);
          add(`${name}RecallAt10`, m.recall);
          if (truth) add(`${name}TrueTasteAt10`, trueTaste(u, top));
        }
      }
  }
  return Object.fromEntries(
    NEW_USER_PROTOCOLS.map(({ name }) => {
      const n = scored.get(name) ?? 0;
      const mean = Object.entries(sums.get(name)!).map(([key, s]) => [
        key,
        Number((s / Math.max(1, n)).toFixed(4)),
      ]);
      return [name, Object.fromEntries([...mean, ['users', n]])];
    }),
  );
}

/** The user's given ratings for a protocol (seeded draw), or null when they have too few. */
function pickGiven(
  ratings: UserRating[],
  protocol: NewUserProtocol,
  random: Random,
): UserRating[] | null {
  const pool = protocol.likedOnly ? ratings.filter((x) => x.value >= LIKED) : ratings;
  if (pool.length < protocol.given + 1) return null;
  const order = Int32Array.from({ length: pool.length }, (_, n) => n);
  shuffle(order, random);
  return Array.from(order.subarray(0, protocol.given), (n) => pool[n]!);
}
