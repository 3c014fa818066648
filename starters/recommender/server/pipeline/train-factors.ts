import { createRandom, shuffle } from '@shipml/random';
import type { RatingColumns } from '../data/types.js';
import { effectiveItems, ratedItems } from './effective-items.js';
import type { Hyperparameters } from './hyperparameters.js';
import { implicitPart } from './implicit-feedback.js';
import type { ItemFeatures } from './item-features.js';

/** What training learns. Item vectors and biases already include their features' share. */
export interface TrainedFactors {
  factors: number;
  globalMean: number;
  /** [nItems] b_i + feature biases */
  itemBias: Float32Array;
  /** [nItems, factors] q_i = free vector + Σ feature vectors / √(number of features) */
  itemVectors: Float32Array;
  /** [nItems, factors] y_j of SVD++ (zero for items nobody rated), or null when not used. */
  implicitVectors: Float32Array | null;
  /** [nUsers] */
  userBias: Float32Array;
  /** [nUsers, factors] effective user vectors: p_u, plus the implicit part when used. */
  userVectors: Float32Array;
  /** Training RMSE measured during each epoch (falls as the model learns). */
  epochRmse: number[];
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  rmse: number;
}

/**
 * Biased matrix factorisation with side features ("Funk SVD" as in the Netflix prize, plus
 * feature vectors as in SVDFeature), optionally with SVD++'s implicit feedback, trained by SGD:
 *
 *   r̂(u,i) = μ + b_u + b_i + q_i·(p_u + z_u),   z_u = |N(u)|^-½ Σ_{j∈N(u)} y_j   (0 without SVD++)
 *   q_i = v_i + Σ_f w_f / √|F(i)|,   b_i = c_i + Σ_f g_f / √|F(i)|
 *
 * An item nobody rated still has q_i = Σ w_f from its genres, director and decade. With SVD++
 * each epoch visits users in a shuffled order and each user's ratings in a shuffled order, so
 * z_u is summed once per user and the y_j collect their gradient over the user's ratings and
 * step once at the end: SVD++ then costs about twice plain SGD, not |N(u)| times. Plain SGD
 * visits all ratings in one shuffled order (mixing users between steps fits slightly better).
 * Cost: epochs × ratings × factors × (3 + features per item, + 2 with SVD++) multiply-adds.
 */
export function trainFactors(
  ratings: RatingColumns,
  nUsers: number,
  nItems: number,
  features: ItemFeatures,
  h: Hyperparameters,
  onEpoch?: (p: TrainProgress) => void,
): TrainedFactors {
  const k = h.factors;
  const random = createRandom(h.seed);
  const init = (n: number) => Float64Array.from({ length: n }, () => h.initSd * random.normal());
  const p = init(nUsers * k);
  const v = init(nItems * k);
  const nFeatures = h.useFeatures ? features.names.length : 0;
  const w = init(nFeatures * k);
  const y = h.implicitFeedback ? init(nItems * k) : null;
  const bu = new Float64Array(nUsers);
  const bi = new Float64Array(nItems);
  const g = new Float64Array(nFeatures);
  const q = new Float64Array(k); // the current item's effective vector
  const pe = new Float64Array(k); // the current user's effective vector before this step
  const z = new Float64Array(k); // the current user's implicit part
  const gy = new Float64Array(k); // Σ e·q_i over the current user's ratings: y's gradient
  let mu = 0;
  for (let r = 0; r < ratings.length; r++) mu += ratings.value[r]!;
  mu /= Math.max(1, ratings.length);
  // SVD++ visits each user's ratings together (their implicit part is summed once per visit);
  // plain SGD visits ratings in a fully shuffled order: one rating per block.
  const blocks = y ? groupByUser(ratings, nUsers) : oneBlockPerRating(ratings);
  const blockOrder = Int32Array.from({ length: blocks.offset.length - 1 }, (_, b) => b);
  const epochRmse: number[] = [];
  let lr = h.learningRate;
  for (let epoch = 0; epoch < h.epochs; epoch++) {
    shuffle(blockOrder, random);
    let squared = 0;
    for (const block of blockOrder) {
      const rows = blocks.rows.subarray(blocks.offset[block], blocks.offset[block + 1]);
      if (rows.length === 0) continue;
      const u = ratings.user[rows[0]!]!;
      const rated = blocks.items.subarray(blocks.offset[block], blocks.offset[block + 1]);
      if (y) implicitPart(y, k, rated, z);
      gy.fill(0);
      shuffle(rows, random);
      const uk = u * k;
      for (const r of rows) {
        const i = ratings.item[r]!;
        const from = h.useFeatures ? features.offset[i]! : 0;
        const to = h.useFeatures ? features.offset[i + 1]! : 0;
        const scale = to > from ? 1 / Math.sqrt(to - from) : 0;
        let featureBias = 0;
        for (let j = from; j < to; j++) featureBias += g[features.index[j]!]!;
        const ik = i * k;
        for (let d = 0; d < k; d++) q[d] = v[ik + d]!;
        for (let j = from; j < to; j++) {
          const fk = features.index[j]! * k;
          for (let d = 0; d < k; d++) q[d] = q[d]! + scale * w[fk + d]!;
        }
        let dot = 0;
        for (let d = 0; d < k; d++) {
          pe[d] = p[uk + d]! + z[d]!;
          dot += q[d]! * pe[d]!;
        }
        const e = ratings.value[r]! - (mu + bu[u]! + bi[i]! + scale * featureBias + dot);
        squared += e * e;
        bu[u] = bu[u]! + lr * (e - h.regBias * bu[u]!);
        bi[i] = bi[i]! + lr * (e - h.regBias * bi[i]!);
        for (let d = 0; d < k; d++) {
          const pd = p[uk + d]!;
          p[uk + d] = pd + lr * (e * q[d]! - h.regFactors * pd);
          v[ik + d] = v[ik + d]! + lr * (e * pe[d]! - h.regFactors * v[ik + d]!);
          gy[d] = gy[d]! + e * q[d]!;
        }
        const se = scale * e;
        for (let j = from; j < to; j++) {
          const f = features.index[j]!;
          const fk = f * k;
          g[f] = g[f]! + lr * (se - h.regFeatures * g[f]!);
          for (let d = 0; d < k; d++)
            w[fk + d] = w[fk + d]! + lr * (se * pe[d]! - h.regFeatures * w[fk + d]!);
        }
      }
      // y_j's steps for this user's ratings, summed (∂r̂/∂y_j = |N(u)|^-½ q_i for every j ∈ N(u)),
      // and its per-rating shrink compounded: (1 − lr·λ)^|N(u)| stays stable for any |N(u)|.
      if (y) {
        const norm = 1 / Math.sqrt(rated.length);
        const shrink = (1 - lr * h.regImplicit) ** rated.length;
        for (const j of rated)
          for (let d = 0; d < k; d++) y[j * k + d] = shrink * y[j * k + d]! + lr * norm * gy[d]!;
      }
    }
    const rmse = Math.sqrt(squared / Math.max(1, ratings.length));
    epochRmse.push(rmse);
    onEpoch?.({ epoch: epoch + 1, epochs: h.epochs, rmse });
    lr *= h.learningRateDecay;
  }
  const rated = ratedItems(ratings, nItems);
  if (y) for (let j = 0; j < nItems; j++) if (!rated[j]) y.fill(0, j * k, (j + 1) * k);
  return {
    factors: k,
    globalMean: mu,
    epochRmse,
    ...effectiveItems(rated, features, h, v, bi, w, g),
    implicitVectors: y && Float32Array.from(y),
    userBias: Float32Array.from(bu),
    userVectors: effectiveUsers(p, y, blocks, k),
  };
}

/** Ratings in blocks: block b's rating rows and items are at [offset[b], offset[b+1]). */
interface RatingBlocks {
  offset: Int32Array;
  rows: Int32Array;
  items: Int32Array;
}

function oneBlockPerRating(ratings: RatingColumns): RatingBlocks {
  const rows = Int32Array.from({ length: ratings.length }, (_, r) => r);
  return {
    offset: Int32Array.from({ length: ratings.length + 1 }, (_, r) => r),
    rows,
    items: ratings.item,
  };
}

/** Block u holds user u's ratings. */
function groupByUser(ratings: RatingColumns, nUsers: number): RatingBlocks {
  const offset = new Int32Array(nUsers + 1);
  for (let r = 0; r < ratings.length; r++) {
    const at = ratings.user[r]! + 1;
    offset[at] = offset[at]! + 1;
  }
  for (let u = 0; u < nUsers; u++) offset[u + 1] = offset[u + 1]! + offset[u]!;
  const next = offset.slice(0, nUsers);
  const rows = new Int32Array(ratings.length);
  const items = new Int32Array(ratings.length);
  for (let r = 0; r < ratings.length; r++) {
    const at = next[ratings.user[r]!]!;
    next[ratings.user[r]!] = at + 1;
    rows[at] = r;
    items[at] = ratings.item[r]!;
  }
  return { offset, rows, items };
}

/** p_u + z_u with the final y: the one vector per user that scoring and fold-in agree on. */
function effectiveUsers(
  p: Float64Array,
  y: Float64Array | null,
  byUser: RatingBlocks,
  k: number,
): Float32Array {
  const out = Float32Array.from(p);
  if (!y) return out;
  const z = new Float64Array(k);
  for (let u = 0; u + 1 < byUser.offset.length; u++) {
    implicitPart(y, k, byUser.items.subarray(byUser.offset[u], byUser.offset[u + 1]), z);
    for (let d = 0; d < k; d++) out[u * k + d] = out[u * k + d]! + z[d]!;
  }
  return out;
}
