import { createRandom } from '@shipml/random';
import type { RecommenderModel } from '../server/pipeline/model.js';
import { createOrtScorer } from '../server/pipeline/ort-scorer.js';
import { scoreItems } from '../server/pipeline/score-items.js';

/**
 * Scores a few random users with ONNX Runtime and with TypeScript; throws if any predicted
 * rating differs by more than 1e-3 stars. Returns the largest difference seen.
 */
export async function checkOnnxMatches(
  model: RecommenderModel,
  onnx: Uint8Array,
  users = 4,
): Promise<number> {
  const scorer = await createOrtScorer(onnx);
  const random = createRandom(99);
  const k = model.factors;
  const vectors = Float32Array.from({ length: users * k }, () => 0.3 * random.normal());
  const biases = Float32Array.from({ length: users }, () => 0.3 * random.normal());
  const { scores } = await scorer.score(vectors, biases, k, 10);
  await scorer.close();
  let maxDiff = 0;
  for (let b = 0; b < users; b++) {
    const expected = scoreItems(model, {
      vector: vectors.subarray(b * k, (b + 1) * k),
      bias: biases[b]!,
    });
    for (let i = 0; i < expected.length; i++)
      maxDiff = Math.max(maxDiff, Math.abs(expected[i]! - scores[b * expected.length + i]!));
  }
  if (!(maxDiff <= 1e-3))
    throw new Error(`ONNX scores differ from TypeScript's by ${maxDiff} stars`);
  return maxDiff;
}
