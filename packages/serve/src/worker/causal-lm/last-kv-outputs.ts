/**
 * Adds outputs to an ONNX causal LM that hold only the last position of each `present.*`
 * output. onnxruntime-node copies every output it returns into a new JavaScript buffer, so a
 * decode step that fetched `present.*` would copy (and allocate) the whole KV cache each step;
 * fetching these instead copies [batch, heads, 1, head_dim] per layer.
 *
 * The graph is not parsed: protobuf merges a repeated embedded message field, so appending a
 * `graph` field (ModelProto field 7) that holds only new nodes, initializers and outputs adds
 * them to the model's graph.
 */

/** Name of the output holding the last position of `present.{layer}.{kind}`. */
export function lastKvName(layer: number, kind: 'key' | 'value'): string {
  return `shipml_last_kv.${layer}.${kind}`;
}

/** True for the outputs `withLastKvOutputs` adds (left out of the model's metadata). */
export function isLastKvName(name: string): boolean {
  return name.startsWith('shipml_last_kv.');
}

const utf8 = new TextEncoder();

function varint(value: bigint): number[] {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

const VARINT = 0;
const BYTES = 2;
const key = (field: number, wire: number) => varint(BigInt((field << 3) | wire));
const bytes = (field: number, value: ArrayLike<number>) => [
  ...key(field, BYTES),
  ...varint(BigInt(value.length)),
  ...Array.from(value),
];
const text = (field: number, value: string) => bytes(field, utf8.encode(value));
const int = (field: number, value: bigint) => [...key(field, VARINT), ...varint(value)];

// onnx.proto field numbers and enum values.
const TENSOR = { dims: 1, dataType: 2, name: 8, rawData: 9, INT64: 7n, FLOAT: 1 };
const NODE = { input: 1, output: 2, name: 3, opType: 4 };
const GRAPH = { node: 1, initializer: 5, output: 12 };
const VALUE_INFO = { name: 1, type: 2 };
const MODEL_GRAPH = 7;

/** A 1-D int64 initializer. */
function int64Initializer(name: string, value: bigint): number[] {
  const raw = new Uint8Array(BigInt64Array.of(value).buffer);
  return [
    ...int(TENSOR.dims, 1n),
    ...int(TENSOR.dataType, TENSOR.INT64),
    ...text(TENSOR.name, name),
    ...bytes(TENSOR.rawData, raw),
  ];
}

/**
 * `model` (a serialized ModelProto whose `present.{i}.key|value` are float32
 * [batch, heads, positions, head_dim]) with `layers` × 2 more outputs, `lastKvName(i, kind)`:
 * [batch, heads, 1, head_dim], the last position. Needs opset 10 or later (Slice with inputs).
 */
export function withLastKvOutputs(model: Uint8Array, layers: number): Uint8Array {
  const starts = 'shipml_last_kv.starts';
  const ends = 'shipml_last_kv.ends';
  const axes = 'shipml_last_kv.axes';
  const graph = [
    ...bytes(GRAPH.initializer, int64Initializer(starts, -1n)),
    ...bytes(GRAPH.initializer, int64Initializer(ends, 2n ** 63n - 1n)),
    ...bytes(GRAPH.initializer, int64Initializer(axes, 2n)),
  ];
  // TypeProto { tensor_type { elem_type: FLOAT } }: the shape is left to inference.
  const floatTensor = bytes(1, int(1, BigInt(TENSOR.FLOAT)));
  for (let l = 0; l < layers; l++) {
    for (const kind of ['key', 'value'] as const) {
      const out = lastKvName(l, kind);
      const node = [
        ...[`present.${l}.${kind}`, starts, ends, axes].flatMap((n) => text(NODE.input, n)),
        ...text(NODE.output, out),
        ...text(NODE.name, out),
        ...text(NODE.opType, 'Slice'),
      ];
      graph.push(...bytes(GRAPH.node, node));
      graph.push(
        ...bytes(GRAPH.output, [
          ...text(VALUE_INFO.name, out),
          ...bytes(VALUE_INFO.type, floatTensor),
        ]),
      );
    }
  }
  const tail = Uint8Array.from(bytes(MODEL_GRAPH, graph));
  const merged = new Uint8Array(model.length + tail.length);
  merged.set(model);
  merged.set(tail, model.length);
  return merged;
}
