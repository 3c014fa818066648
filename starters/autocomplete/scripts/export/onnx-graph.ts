import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const DT = onnx.TensorProto.DataType;

/** A graph input/output; a dimension is a fixed size or a symbolic name (variable size). */
export interface OnnxValue {
  name: string;
  type: 'float32' | 'int64';
  shape: (number | string)[];
}

/** A constant stored in the model file (weights, shapes, scalars). */
export interface OnnxInitializer {
  name: string;
  dims: number[];
  data: Float32Array | BigInt64Array;
}

/** A node attribute: an int, a float, or a list of ints (all this exporter needs). */
export type OnnxAttribute = { int: number } | { float: number } | { ints: number[] };

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, OnnxAttribute>;
}

export interface OnnxGraph {
  name: string;
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  nodes: OnnxNode[];
  initializers: OnnxInitializer[];
  opset: number;
}

function valueInfo(v: OnnxValue) {
  const dim = v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  const elemType = v.type === 'float32' ? DT.FLOAT : DT.INT64;
  return onnx.ValueInfoProto.create({
    name: v.name,
    type: { tensorType: { elemType, shape: { dim } } },
  });
}

function attribute(name: string, a: OnnxAttribute) {
  const A = onnx.AttributeProto.AttributeType;
  if ('ints' in a) return onnx.AttributeProto.create({ name, type: A.INTS, ints: a.ints });
  if ('float' in a) return onnx.AttributeProto.create({ name, type: A.FLOAT, f: a.float });
  return onnx.AttributeProto.create({ name, type: A.INT, i: a.int });
}

/** Serializes a graph to ONNX model bytes (raw little-endian tensor data). */
export function encodeOnnxModel(graph: OnnxGraph): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'shipml-autocomplete',
    opsetImport: [{ domain: '', version: graph.opset }],
    graph: onnx.GraphProto.create({
      name: graph.name,
      node: graph.nodes.map((n, i) =>
        onnx.NodeProto.create({
          name: `${n.op}_${i}`,
          opType: n.op,
          input: n.inputs,
          output: n.outputs,
          attribute: Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v)),
        }),
      ),
      initializer: graph.initializers.map((t) =>
        onnx.TensorProto.create({
          name: t.name,
          dims: t.dims,
          dataType: t.data instanceof Float32Array ? DT.FLOAT : DT.INT64,
          rawData: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength),
        }),
      ),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    }),
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Reads the float32 initializers of an ONNX model back, by name. */
export function decodeOnnxInitializers(
  bytes: Uint8Array,
): Map<string, { dims: number[]; data: Float32Array }> {
  const model = onnx.ModelProto.decode(bytes);
  const out = new Map<string, { dims: number[]; data: Float32Array }>();
  for (const t of model.graph?.initializer ?? []) {
    if (t.dataType !== DT.FLOAT || !t.name || !t.rawData) continue;
    // Copy: rawData is a view into the file buffer and may not be 4-byte aligned.
    const data = new Float32Array(new Uint8Array(t.rawData).buffer);
    out.set(t.name, { dims: (t.dims ?? []).map(Number), data });
  }
  return out;
}
