import type { RecommenderModel } from './model.js';
import { rankingBonus, scoreItems } from './score-items.js';
import { topK } from './top-k.js';

/**
 * The model call: user vectors in, predicted stars for every item and the top-k ranked items out.
 * Implemented by ONNX Runtime (ort-scorer.ts, or @shipml/serve in the app) and by plain
 * TypeScript (below), which must agree.
 */
export interface ItemScorer {
  /**
   * @param users [batch, factors] float32 user vectors
   * @param userBias [batch] float32 user biases
   * @param k top items per user (1..nItems)
   * @returns scores [batch, nItems] predicted stars; topIndices [batch, k] by ranking score
   */
  score(
    users: Float32Array,
    userBias: Float32Array,
    factors: number,
    k: number,
  ): Promise<{ scores: Float32Array; topIndices: Int32Array }>;
}

/** The same computation as the ONNX graph, in TypeScript: the reference the tests compare with. */
export function typescriptScorer(model: RecommenderModel): ItemScorer {
  const bonus = rankingBonus(model);
  return {
    async score(users, userBias, factors, k) {
      const n = model.items.length;
      const scores = new Float32Array(userBias.length * n);
      const topIndices = new Int32Array(userBias.length * k);
      for (let b = 0; b < userBias.length; b++) {
        const row = scoreItems(model, {
          vector: users.subarray(b * factors, (b + 1) * factors),
          bias: userBias[b]!,
        });
        scores.set(row, b * n);
        topIndices.set(
          topK(
            row.map((s, i) => s + bonus[i]!),
            k,
          ),
          b * k,
        );
      }
      return { scores, topIndices };
    },
  };
}
