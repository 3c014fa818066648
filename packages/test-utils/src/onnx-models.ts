import { createRandom } from '@shipml/random';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const DT = onnx.TensorProto.DataType;

/** ONNX element types the builders accept, by their ONNX Runtime names. */
export type OnnxElemType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'bool'
  | 'string';

const ELEM: Record<OnnxElemType, number> = {
  float32: DT.FLOAT,
  float64: DT.DOUBLE,
  float16: DT.FLOAT16,
  int8: DT.INT8,
  int16: DT.INT16,
  int32: DT.INT32,
  int64: DT.INT64,
  uint8: DT.UINT8,
  uint16: DT.UINT16,
  uint32: DT.UINT32,
  uint64: DT.UINT64,
  bool: DT.BOOL,
  string: DT.STRING,
};

/** A graph input/output: a dimension is a fixed size or a symbolic name (variable size). */
export interface OnnxValue {
  name: string;
  type: OnnxElemType;
  shape: (number | string)[];
}

/** A float32 or int64 constant baked into the model. */
export interface OnnxInitializer {
  name: string;
  dims: number[];
  data: Float32Array | BigInt64Array;
}

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, number | number[]>;
}

export interface OnnxGraph {
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  nodes: OnnxNode[];
  initializers?: OnnxInitializer[];
  /** Default opset 13. */
  opset?: number;
}

function valueInfo(v: OnnxValue) {
  const dim = v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return onnx.ValueInfoProto.create({
    name: v.name,
    type: { tensorType: { elemType: ELEM[v.type], shape: { dim } } },
  });
}

function attribute(name: string, value: number | number[]) {
  const A = onnx.AttributeProto.AttributeType;
  if (Array.isArray(value)) return onnx.AttributeProto.create({ name, type: A.INTS, ints: value });
  return onnx.AttributeProto.create({ name, type: A.INT, i: value });
}

/** Serializes a graph into ONNX model bytes that onnxruntime can load. */
export function buildOnnxModel(graph: OnnxGraph): Uint8Array {
  const initializer = (graph.initializers ?? []).map((t) =>
    onnx.TensorProto.create({
      name: t.name,
      dims: t.dims,
      dataType: t.data instanceof Float32Array ? DT.FLOAT : DT.INT64,
      rawData: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength),
    }),
  );
  const node = graph.nodes.map((n) =>
    onnx.NodeProto.create({
      opType: n.op,
      input: n.inputs,
      output: n.outputs,
      attribute: Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v)),
    }),
  );
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'shipml-test-utils',
    opsetImport: [{ domain: '', version: graph.opset ?? 13 }],
    graph: onnx.GraphProto.create({
      name: 'graph',
      node,
      initializer,
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    }),
  });
  return onnx.ModelProto.encode(model).finish();
}

/**
 * `y = x * 2 + 1` on float32 `x: [batch, features]` (batch variable), and `sum: [batch, 1]`.
 * Small enough to reason about in assertions.
 */
export function affineModel(features = 4): Uint8Array {
  return buildOnnxModel({
    inputs: [{ name: 'x', type: 'float32', shape: ['batch', features] }],
    outputs: [
      { name: 'y', type: 'float32', shape: ['batch', features] },
      { name: 'sum', type: 'float32', shape: ['batch', 1] },
    ],
    initializers: [
      { name: 'two', dims: [], data: new Float32Array([2]) },
      { name: 'one', dims: [], data: new Float32Array([1]) },
    ],
    nodes: [
      { op: 'Mul', inputs: ['x', 'two'], outputs: ['x2'] },
      { op: 'Add', inputs: ['x2', 'one'], outputs: ['y'] },
      { op: 'ReduceSum', inputs: ['y'], outputs: ['sum'], attributes: { axes: [1], keepdims: 1 } },
    ],
    opset: 12,
  });
}

/** `output = Identity(input)` for one element type and shape (use symbolic dims for variable sizes). */
export function identityModel(type: OnnxElemType, shape: (number | string)[]): Uint8Array {
  return buildOnnxModel({
    inputs: [{ name: 'input', type, shape }],
    outputs: [{ name: 'output', type, shape }],
    nodes: [{ op: 'Identity', inputs: ['input'], outputs: ['output'] }],
  });
}

export interface MatMulStackOptions {
  /** Width of the input row `x: [batch, inputDim]`. Default 64. */
  inputDim?: number;
  /** Width of the hidden square layers. Default 4096. */
  hiddenDim?: number;
  /** How many times the shared hidden `[hiddenDim, hiddenDim]` weight is applied. Default 3. */
  layers?: number;
  /** Width of the output `y: [batch, outputDim]`. Default 16. */
  outputDim?: number;
  seed?: number;
}

/**
 * A compute-bound model: small input, a stack of large MatMuls (one hidden weight reused by
 * every hidden layer to keep the file small), small output. One row is a matrix-vector
 * product (memory bound); a batch of rows turns into matrix-matrix products, which is where
 * batching pays off.
 */
export function matmulStackModel(opts: MatMulStackOptions = {}): Uint8Array {
  const { inputDim = 64, hiddenDim = 4096, layers = 3, outputDim = 16, seed = 1 } = opts;
  const random = createRandom(seed);
  // Uniform in ±sqrt(3/fanIn) keeps activations near unit scale through the stack.
  const weight = (rows: number, cols: number) => {
    const a = Math.sqrt(3 / rows);
    return new Float32Array(rows * cols).map(() => random.range(-1, 1) * a);
  };
  const nodes: OnnxNode[] = [{ op: 'MatMul', inputs: ['x', 'w_in'], outputs: ['h0'] }];
  for (let i = 0; i < layers; i++) {
    nodes.push({ op: 'MatMul', inputs: [`h${i}`, 'w_hidden'], outputs: [`h${i + 1}`] });
  }
  nodes.push({ op: 'MatMul', inputs: [`h${layers}`, 'w_out'], outputs: ['y'] });
  return buildOnnxModel({
    inputs: [{ name: 'x', type: 'float32', shape: ['batch', inputDim] }],
    outputs: [{ name: 'y', type: 'float32', shape: ['batch', outputDim] }],
    initializers: [
      { name: 'w_in', dims: [inputDim, hiddenDim], data: weight(inputDim, hiddenDim) },
      { name: 'w_hidden', dims: [hiddenDim, hiddenDim], data: weight(hiddenDim, hiddenDim) },
      { name: 'w_out', dims: [hiddenDim, outputDim], data: weight(hiddenDim, outputDim) },
    ],
    nodes,
  });
}

/**
 * A toy next-character language model: `ids: int64 [batch, seq]` → `logits: float32
 * [batch, seq, vocab]`, where the logits for token `i` put all the mass on token `(i + 1) % vocab`.
 * With the alphabet `"<eos>abc…"`, greedy decoding from `"a"` spells out the alphabet and then
 * wraps to token 0, the end-of-sequence token.
 */
export function nextTokenModel(vocab: number): Uint8Array {
  const table = new Float32Array(vocab * vocab).fill(-10);
  for (let i = 0; i < vocab; i++) table[i * vocab + ((i + 1) % vocab)] = 10;
  return buildOnnxModel({
    inputs: [{ name: 'ids', type: 'int64', shape: ['batch', 'seq'] }],
    outputs: [{ name: 'logits', type: 'float32', shape: ['batch', 'seq', vocab] }],
    initializers: [{ name: 'table', dims: [vocab, vocab], data: table }],
    nodes: [
      { op: 'Gather', inputs: ['table', 'ids'], outputs: ['logits'], attributes: { axis: 0 } },
    ],
  });
}
