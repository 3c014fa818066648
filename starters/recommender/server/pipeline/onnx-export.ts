import onnxProto from 'onnx-proto';
import type { RecommenderModel } from './model.js';
import { rankingBonus } from './score-items.js';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

/** Names of the exported graph's inputs and outputs (what a V2 infer request uses). */
export const SCORING_IO = {
  /** [batch, factors] float32: folded-in user vectors p_u. */
  user: 'user',
  /** [batch, 1] float32: user biases b_u. */
  userBias: 'user_bias',
  /** [1] int64: how many top items to return (≤ nItems). */
  k: 'k',
  /** [batch, nItems] float32: predicted stars μ + b_u + b_i + q_i·p_u. */
  scores: 'scores',
  /** [batch, k] float32: ranking scores (stars + popularity bonus) of the top items, best first. */
  topScores: 'top_scores',
  /** [batch, k] int64: item indices of the top items. */
  topIndices: 'top_indices',
} as const;

/**
 * Writes the model's scoring step as an ONNX graph, so it runs in ONNX Runtime (and therefore
 * in @shipml/serve's workers, batched) rather than in the event loop:
 *
 *   scores = user · Qᵀ + (b + μ) + user_bias            MatMul, Add, Add
 *   top_scores, top_indices = TopK(scores + bonus, k)    Add, TopK
 *
 * Qᵀ [factors, nItems], b + μ and the popularity bonus [nItems] are baked in as initializers.
 */
export function exportScoringModel(model: RecommenderModel): Uint8Array {
  const k = model.factors;
  const n = model.items.length;
  const qT = new Float32Array(k * n);
  for (let i = 0; i < n; i++)
    for (let d = 0; d < k; d++) qT[d * n + i] = model.itemVectors[i * k + d]!;
  const biasPlusMean = Float32Array.from(model.itemBias, (b) => b + model.globalMean);
  const io = SCORING_IO;
  const graph = onnx.GraphProto.create({
    name: 'recommender_scoring',
    input: [
      tensorInfo(io.user, FLOAT, ['batch', k]),
      tensorInfo(io.userBias, FLOAT, ['batch', 1]),
      tensorInfo(io.k, INT64, [1]),
    ],
    output: [
      tensorInfo(io.scores, FLOAT, ['batch', n]),
      tensorInfo(io.topScores, FLOAT, ['batch', 'k']),
      tensorInfo(io.topIndices, INT64, ['batch', 'k']),
    ],
    initializer: [
      floatTensor('item_vectors_t', [k, n], qT),
      floatTensor('item_bias_plus_mean', [n], biasPlusMean),
      floatTensor('ranking_bonus', [n], rankingBonus(model)),
    ],
    node: [
      node('MatMul', [io.user, 'item_vectors_t'], ['taste']),
      node('Add', ['taste', 'item_bias_plus_mean'], ['item_scores']),
      node('Add', ['item_scores', io.userBias], [io.scores]),
      node('Add', [io.scores, 'ranking_bonus'], ['ranking']),
      onnx.NodeProto.create({
        opType: 'TopK',
        input: ['ranking', io.k],
        output: [io.topScores, io.topIndices],
        attribute: [
          intAttribute('axis', -1),
          intAttribute('largest', 1),
          intAttribute('sorted', 1),
        ],
      }),
    ],
  });
  const proto = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'shipml-recommender',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(proto).finish();
}

function tensorInfo(name: string, elemType: number, shape: (number | string)[]) {
  const dim = shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: { dim } } } });
}

function floatTensor(name: string, dims: number[], data: Float32Array) {
  // rawData is little-endian bytes, as ONNX specifies (and as every supported platform stores them).
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: FLOAT,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  });
}

function node(opType: string, input: string[], output: string[]) {
  return onnx.NodeProto.create({ opType, input, output });
}

function intAttribute(name: string, i: number) {
  return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i });
}
