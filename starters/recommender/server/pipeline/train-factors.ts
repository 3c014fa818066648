import type { RatingColumns } from '../data/types.js';
import type { Hyperparameters } from './hyperparameters.js';
import type { ItemFeatures } from './item-features.js';
import { createRandom, shuffle } from './random.js';

/** What training learns. Item vectors and biases already include their features' share. */
export interface TrainedFactors {
  factors: number;
  globalMean: number;
  /** [nItems] b_i + feature biases */
  itemBias: Float32Array;
  /** [nItems, factors] q_i = free vector + Σ feature vectors / √(number of features) */
  itemVectors: Float32Array;
  /** [nUsers] */
  userBias: Float32Array;
  /** [nUsers, factors] */
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
 * feature vectors as in SVDFeature), trained by shuffled SGD:
 *
 *   r̂(u,i) = μ + b_u + b_i + q_i·p_u,   q_i = v_i + Σ_f w_f / √|F(i)|,   b_i = c_i + Σ_f g_f / √|F(i)|
 *
 * An item nobody rated still has q_i = Σ w_f from its genres, director and decade.
 * Cost: epochs × ratings × factors × (3 + features per item) multiply-adds.
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
  const bu = new Float64Array(nUsers);
  const bi = new Float64Array(nItems);
  const g = new Float64Array(nFeatures);
  const q = new Float64Array(k); // the current item's effective vector
  const pOld = new Float64Array(k);
  let mu = 0;
  for (let r = 0; r < ratings.length; r++) mu += ratings.value[r]!;
  mu /= Math.max(1, ratings.length);
  const order = Int32Array.from({ length: ratings.length }, (_, r) => r);
  const epochRmse: number[] = [];
  let lr = h.learningRate;
  for (let epoch = 0; epoch < h.epochs; epoch++) {
    shuffle(order, random);
    let squared = 0;
    for (let n = 0; n < order.length; n++) {
      const r = order[n]!;
      const u = ratings.user[r]!;
      const i = ratings.item[r]!;
      const from = h.useFeatures ? features.offset[i]! : 0;
      const to = h.useFeatures ? features.offset[i + 1]! : 0;
      const scale = to > from ? 1 / Math.sqrt(to - from) : 0;
      let featureBias = 0;
      for (let j = from; j < to; j++) featureBias += g[features.index[j]!]!;
      const ik = i * k;
      const uk = u * k;
      for (let d = 0; d < k; d++) q[d] = v[ik + d]!;
      for (let j = from; j < to; j++) {
        const fk = features.index[j]! * k;
        for (let d = 0; d < k; d++) q[d] = q[d]! + scale * w[fk + d]!;
      }
      let dot = 0;
      for (let d = 0; d < k; d++) dot += q[d]! * p[uk + d]!;
      const e = ratings.value[r]! - (mu + bu[u]! + bi[i]! + scale * featureBias + dot);
      squared += e * e;
      bu[u] = bu[u]! + lr * (e - h.regBias * bu[u]!);
      bi[i] = bi[i]! + lr * (e - h.regBias * bi[i]!);
      for (let d = 0; d < k; d++) {
        const pd = p[uk + d]!;
        pOld[d] = pd;
        p[uk + d] = pd + lr * (e * q[d]! - h.regFactors * pd);
        v[ik + d] = v[ik + d]! + lr * (e * pd - h.regFactors * v[ik + d]!);
      }
      const se = scale * e;
      for (let j = from; j < to; j++) {
        const f = features.index[j]!;
        const fk = f * k;
        g[f] = g[f]! + lr * (se - h.regFeatures * g[f]!);
        for (let d = 0; d < k; d++)
          w[fk + d] = w[fk + d]! + lr * (se * pOld[d]! - h.regFeatures * w[fk + d]!);
      }
    }
    const rmse = Math.sqrt(squared / Math.max(1, order.length));
    epochRmse.push(rmse);
    onEpoch?.({ epoch: epoch + 1, epochs: h.epochs, rmse });
    lr *= h.learningRateDecay;
  }
  return {
    factors: k,
    globalMean: mu,
    epochRmse,
    ...effectiveItems(ratings, nItems, features, h, v, bi, w, g),
    userBias: Float32Array.from(bu),
    userVectors: Float32Array.from(p),
  };
}

/** Folds feature vectors into each item's vector; an unrated item keeps only its features' part. */
function effectiveItems(
  ratings: RatingColumns,
  nItems: number,
  features: ItemFeatures,
  h: Hyperparameters,
  v: Float64Array,
  bi: Float64Array,
  w: Float64Array,
  g: Float64Array,
): { itemBias: Float32Array; itemVectors: Float32Array } {
  const k = h.factors;
  const rated = new Uint8Array(nItems);
  for (let r = 0; r < ratings.length; r++) rated[ratings.item[r]!] = 1;
  const itemBias = new Float32Array(nItems);
  const itemVectors = new Float32Array(nItems * k);
  for (let i = 0; i < nItems; i++) {
    const from = h.useFeatures ? features.offset[i]! : 0;
    const to = h.useFeatures ? features.offset[i + 1]! : 0;
    const scale = to > from ? 1 / Math.sqrt(to - from) : 0;
    // The free part of an unrated item is only its random start: leave it out.
    const own = rated[i] ? 1 : 0;
    let b = own * bi[i]!;
    for (let j = from; j < to; j++) b += scale * g[features.index[j]!]!;
    itemBias[i] = b;
    for (let d = 0; d < k; d++) {
      let s = own * v[i * k + d]!;
      for (let j = from; j < to; j++) s += scale * w[features.index[j]! * k + d]!;
      itemVectors[i * k + d] = s;
    }
  }
  return { itemBias, itemVectors };
}
