/**
 * Exact rewrites of an ONNX graph that ONNX Runtime's own optimizer leaves undone. Models
 * exported from PaddlePaddle (PP-OCR's PP-LCNet backbones) and from older PyTorch exporters
 * write a convolution block as a chain of small element-wise ops:
 *
 *   Conv → Mul(a) → Add(b)                      a learnable scale and shift (scalars)
 *        → Add(3) → Clip(0, 6) → Mul(x) → Div(6)  hard-swish, written out
 *        → Mul(c) → Add(d) → Conv 1×1           another scale and shift
 *
 * Each element-wise op is a full pass over the feature map; on a CPU they took about half the
 * detector's and the recogniser's time. This folds them away:
 *
 * 1. A scalar scale and shift after a convolution goes into its weights and bias:
 *    a·(W∗x + B) + b = (a·W)∗x + (a·B + b).
 * 2. Written-out hard-swish becomes `HardSwish` (opset 14 and later) or
 *    `x · HardSigmoid(x; α = 1/6, β = 0.5)`, since clip(x + 3, 0, 6) / 6 = clip(x/6 + 0.5, 0, 1).
 * 3. A scalar scale and shift before a 1×1 convolution without padding goes into its weights and
 *    bias: W∗(c·x + d) = (c·W)∗x + d·ΣW. (With padding it would not be exact: the padded border
 *    stays 0 where c·0 + d would not.)
 *
 * The results agree with the original graph's up to float rounding (about 1e-6 relative). Only
 * float32 convolutions, single-element constants and intermediate values used exactly once
 * (not graph outputs, not read inside a subgraph) are touched; anything else is left as it is.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

// The decoded messages as protobufjs fills them in: every repeated field an array, every
// string a string (onnx-proto's own types mark them all optional). int64 fields may be Longs.
type Int64 = number | { toString(): string };
interface TensorProto {
  name: string;
  dims: Int64[];
  dataType: number;
  rawData: Uint8Array;
  floatData: number[];
  dataLocation: number;
}
interface Attribute {
  name: string;
  f: number;
  ints: Int64[];
  s: Uint8Array;
  t?: TensorProto | null;
  g?: Graph | null;
  graphs: Graph[];
}
interface Node {
  name: string;
  opType: string;
  domain: string;
  input: string[];
  output: string[];
  attribute: Attribute[];
}
interface Graph {
  node: Node[];
  initializer: TensorProto[];
  input: { name: string }[];
  output: { name: string }[];
  valueInfo: { name: string }[];
}

const FLOAT: number = onnx.TensorProto.DataType.FLOAT;
const EXTERNAL: number = onnx.TensorProto.DataLocation.EXTERNAL;
const ATTR = onnx.AttributeProto.AttributeType;

/** How many of each rewrite `fuseGraph` made. */
export interface FusedCounts {
  /** Scale/shift chains after a convolution, folded into its weights (rewrite 1). */
  scaleShiftAfterConv: number;
  /** Written-out hard-swish activations replaced by one or two ops (rewrite 2). */
  hardSwish: number;
  /** Scale/shift chains before a 1×1 convolution, folded into its weights (rewrite 3). */
  scaleShiftBeforeConv: number;
}

/**
 * `model` (serialized ONNX) with the rewrites above, and how many of each it made. A model that
 * none applies to, keeps its weights in external files or predates IR version 4 comes back as
 * the same bytes, with zero counts.
 */
export function fuseGraph(model: Uint8Array): { model: Uint8Array; fused: FusedCounts } {
  const fused: FusedCounts = { scaleShiftAfterConv: 0, hardSwish: 0, scaleShiftBeforeConv: 0 };
  const proto = onnx.ModelProto.decode(model);
  const graph = proto.graph as unknown as Graph | null;
  const irVersion = num(proto.irVersion as Int64);
  if (!graph || irVersion < 4 || hasExternalData(graph)) return { model, fused };
  const opset = num((proto.opsetImport.find((o) => !o.domain)?.version ?? 0) as Int64);
  const g = new GraphEdit(graph);
  fused.scaleShiftAfterConv = g.foldScaleShiftAfterConv();
  fused.hardSwish = g.fuseHardSwish(opset >= 14);
  fused.scaleShiftBeforeConv = g.foldScaleShiftBeforeConv();
  if (fused.scaleShiftAfterConv + fused.hardSwish + fused.scaleShiftBeforeConv === 0) {
    return { model, fused };
  }
  g.dropUnused();
  return { model: onnx.ModelProto.encode(proto).finish(), fused };
}

function hasExternalData(graph: Graph): boolean {
  return graph.initializer.some((t) => t.dataLocation === EXTERNAL);
}

/** An int64 field as a number (protobufjs decodes them as Long objects when it can). */
function num(v: Int64 | null | undefined): number {
  return typeof v === 'number' ? v : Number(v?.toString() ?? NaN);
}

/** A float32 tensor's values (a copy). */
function floats(t: TensorProto): Float32Array {
  if (t.rawData?.length) {
    const raw = t.rawData;
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  }
  return Float32Array.from(t.floatData);
}

/** Element-wise ops a scale/shift chain is made of. */
type Step = { op: 'Mul' | 'Add'; k: number };

/** value = scale · x + shift */
interface Affine {
  scale: number;
  shift: number;
}

function compose(steps: Step[]): Affine {
  let scale = 1;
  let shift = 0;
  for (const { op, k } of steps) {
    if (op === 'Mul') [scale, shift] = [scale * k, shift * k];
    else shift += k;
  }
  return { scale, shift };
}

class GraphEdit {
  private readonly constants = new Map<string, TensorProto>();
  private producers = new Map<string, Node>();
  private uses = new Map<string, number>();
  private readonly removed = new Set<Node>();
  private readonly names = new Set<string>();

  constructor(private readonly graph: Graph) {
    for (const t of graph.initializer) this.constants.set(t.name, t);
    for (const n of graph.node) {
      const value = n.opType === 'Constant' && n.attribute.find((a) => a.name === 'value')?.t;
      if (value && n.output[0]) this.constants.set(n.output[0], value);
      for (const o of n.output) this.names.add(o);
    }
    for (const t of graph.initializer) this.names.add(t.name);
    this.index();
  }

  /** Who produces each value, and how many readers each has (graph outputs and subgraphs count). */
  private index(): void {
    this.producers = new Map();
    this.uses = new Map();
    const use = (name: string, times = 1) => this.uses.set(name, (this.uses.get(name) ?? 0) + times); // prettier-ignore
    for (const n of this.graph.node) {
      if (this.removed.has(n)) continue;
      for (const o of n.output) this.producers.set(o, n);
      for (const i of n.input) if (i) use(i);
      // A value read inside an If/Loop/Scan body must keep its name: never fold it away.
      for (const a of n.attribute) for (const sub of [a.g, ...a.graphs]) if (sub) for (const name of namesReadIn(sub)) use(name, 2); // prettier-ignore
    }
    for (const o of this.graph.output) use(o.name, 2);
  }

  private usedOnce(name: string): boolean {
    return this.uses.get(name) === 1;
  }

  /** The value of a float32 constant with one element and at most `maxRank` dimensions. */
  private scalar(name: string | undefined, maxRank = 1): number | undefined {
    const t = name === undefined ? undefined : this.constants.get(name);
    if (!t || t.dataType !== FLOAT || t.dims.length > maxRank) return undefined;
    if (t.dims.reduce<number>((p, d) => p * num(d), 1) !== 1) return undefined;
    return floats(t)[0];
  }

  /** A Mul or Add of `x` and a scalar: the step it applies. */
  private step(n: Node, x: string, maxRank: number): Step | undefined {
    if ((n.opType !== 'Mul' && n.opType !== 'Add') || n.domain || n.input.length !== 2) return;
    const other = n.input[0] === x ? n.input[1] : n.input[1] === x ? n.input[0] : undefined;
    const k = this.scalar(other, maxRank);
    return k === undefined ? undefined : { op: n.opType, k };
  }

  /** The one node reading `name`, when it is read exactly once. */
  private onlyReader(name: string): Node | undefined {
    if (!this.usedOnce(name)) return undefined;
    return this.graph.node.find((n) => !this.removed.has(n) && n.input.includes(name));
  }

  /** A float32 Conv's weight and bias, when both are constants. */
  private convWeights(conv: Node): { w: TensorProto; bias?: Float32Array } | undefined {
    if (conv.opType !== 'Conv' || conv.domain) return undefined;
    const w = this.constants.get(conv.input[1] ?? '');
    if (!w || w.dataType !== FLOAT) return undefined;
    if (!conv.input[2]) return { w };
    const b = this.constants.get(conv.input[2]);
    return b && b.dataType === FLOAT ? { w, bias: floats(b) } : undefined;
  }

  private addInitializer(base: string, dims: number[], data: Float32Array): string {
    let name = `${base}:fused`;
    for (let i = 2; this.names.has(name); i++) name = `${base}:fused${i}`;
    this.names.add(name);
    const raw = new Uint8Array(data.buffer);
    const t = onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: raw }) as unknown as TensorProto; // prettier-ignore
    this.graph.initializer.push(t);
    this.constants.set(name, t);
    return name;
  }

  /** Gives `conv` the weights scale·W and the bias `bias`. */
  private setWeights(conv: Node, w: TensorProto, scale: number, bias: Float32Array): void {
    const dims = w.dims.map(num);
    const wName = this.addInitializer(
      conv.input[1]!,
      dims,
      floats(w).map((v) => v * scale),
    );
    const bName = this.addInitializer(`${conv.input[1]!}.bias`, [dims[0]!], bias);
    conv.input = [conv.input[0]!, wName, bName];
  }

  /** Rewrite 1: Conv → (Mul|Add scalar)+ becomes one Conv. */
  foldScaleShiftAfterConv(): number {
    let count = 0;
    for (const conv of this.graph.node) {
      const weights = this.convWeights(conv);
      if (!weights || !conv.output[0]) continue;
      const rank = weights.w.dims.length;
      const steps: Step[] = [];
      const chain: Node[] = [];
      let value = conv.output[0];
      for (let next = this.onlyReader(value); next; next = this.onlyReader(value)) {
        const s = this.step(next, value, rank);
        if (!s || !next.output[0]) break;
        steps.push(s);
        chain.push(next);
        value = next.output[0];
      }
      if (steps.length === 0) continue;
      const { scale, shift } = compose(steps);
      const outChannels = num(weights.w.dims[0]);
      const bias = new Float32Array(outChannels).map((_, o) => (weights.bias?.[o] ?? 0) * scale + shift); // prettier-ignore
      this.setWeights(conv, weights.w, scale, bias);
      // The Conv now writes the chain's last value; the chain's nodes go.
      conv.output = [value];
      for (const n of chain) this.removed.add(n);
      this.index();
      count++;
    }
    return count;
  }

  /** Rewrite 2: Add(x, 3) → Clip(0, 6) → Mul(x, ·) → Div(·, 6) becomes hard-swish. */
  fuseHardSwish(hasHardSwishOp: boolean): number {
    let count = 0;
    const replaced = new Map<Node, Node[]>();
    for (const add of this.graph.node) {
      if (this.removed.has(add) || add.opType !== 'Add' || add.domain) continue;
      const x = add.input.find((i) => this.scalar(i) === undefined);
      if (!x || this.step(add, x, 1)?.k !== 3) continue;
      const clip = this.onlyReader(add.output[0]!);
      if (!clip || clip.opType !== 'Clip' || clip.input[0] !== add.output[0] || !this.clipsTo(clip, 0, 6)) continue; // prettier-ignore
      const mul = this.onlyReader(clip.output[0]!);
      if (!mul || mul.opType !== 'Mul' || this.step(mul, clip.output[0]!, 1)) continue;
      if (![mul.input[0], mul.input[1]].includes(x) || !mul.input.includes(clip.output[0]!)) continue; // prettier-ignore
      const div = this.onlyReader(mul.output[0]!);
      if (!div || !this.dividesBySix(div, mul.output[0]!)) continue;
      const out = div.output[0]!;
      const base = div.name || out;
      const nodes = (hasHardSwishOp
        ? [onnx.NodeProto.create({ opType: 'HardSwish', input: [x], output: [out], name: `${base}:fused` })] // prettier-ignore
        : [
            onnx.NodeProto.create({
              opType: 'HardSigmoid',
              input: [x],
              output: [`${out}:gate`],
              name: `${base}:gate`,
              attribute: [
                onnx.AttributeProto.create({ name: 'alpha', type: ATTR.FLOAT, f: 1 / 6 }),
                onnx.AttributeProto.create({ name: 'beta', type: ATTR.FLOAT, f: 0.5 }),
              ],
            }),
            onnx.NodeProto.create({ opType: 'Mul', input: [x, `${out}:gate`], output: [out], name: `${base}:fused` }), // prettier-ignore
          ]) as unknown as Node[];
      for (const n of [add, clip, mul]) this.removed.add(n);
      replaced.set(div, nodes);
      count++;
    }
    // The new ops take the Div's place in the node order, which keeps it topological.
    this.graph.node = this.graph.node.flatMap((n) => replaced.get(n) ?? [n]);
    this.index();
    return count;
  }

  /** Clip with bounds exactly [lo, hi] (attributes before opset 11, inputs from 11 on). */
  private clipsTo(clip: Node, lo: number, hi: number): boolean {
    if (clip.input.length > 1) {
      return this.scalar(clip.input[1], 0) === lo && this.scalar(clip.input[2], 0) === hi;
    }
    const attr = (name: string) => clip.attribute.find((a) => a.name === name)?.f;
    return attr('min') === lo && attr('max') === hi;
  }

  /** Div(y, 6), or Mul(y, 1/6) within float32 rounding. */
  private dividesBySix(n: Node, y: string): boolean {
    if (n.domain) return false;
    if (n.opType === 'Div') return n.input[0] === y && this.scalar(n.input[1]) === 6;
    const s = this.step(n, y, 1);
    return s?.op === 'Mul' && Math.abs(s.k - 1 / 6) < 1e-7;
  }

  /** Rewrite 3: (Mul|Add scalar)+ → 1×1 Conv without padding becomes one Conv. */
  foldScaleShiftBeforeConv(): number {
    let count = 0;
    for (const conv of this.graph.node) {
      if (this.removed.has(conv)) continue;
      const weights = this.convWeights(conv);
      if (!weights || !isPointwise(conv, weights.w)) continue;
      // Walk back from the Conv's input while each value is a scalar step read only once.
      const chain: Node[] = [];
      const steps: Step[] = [];
      let value = conv.input[0]!;
      for (;;) {
        const n = this.producers.get(value);
        if (!n || !this.usedOnce(value)) break;
        const x = n.input.find((i) => this.scalar(i, weights.w.dims.length) === undefined);
        const s = x === undefined ? undefined : this.step(n, x, weights.w.dims.length);
        if (!s || x === undefined) break;
        steps.unshift(s);
        chain.push(n);
        value = x;
      }
      if (steps.length === 0) continue;
      const { scale, shift } = compose(steps);
      const w = floats(weights.w);
      const outChannels = num(weights.w.dims[0]);
      const perOut = w.length / outChannels;
      const bias = new Float32Array(outChannels).map((_, o) => {
        let sum = 0;
        for (let i = 0; i < perOut; i++) sum += w[o * perOut + i]!;
        return (weights.bias?.[o] ?? 0) + shift * sum;
      });
      this.setWeights(conv, weights.w, scale, bias);
      conv.input[0] = value;
      for (const n of chain) this.removed.add(n);
      this.index();
      count++;
    }
    return count;
  }

  /** Drops removed nodes, then constants and value infos nothing reads any more. */
  dropUnused(): void {
    this.graph.node = this.graph.node.filter((n) => !this.removed.has(n));
    this.index();
    const inputs = new Set(this.graph.input.map((i) => i.name));
    this.graph.node = this.graph.node.filter(
      (n) => n.opType !== 'Constant' || n.output.some((o) => this.uses.has(o)),
    );
    this.graph.initializer = this.graph.initializer.filter(
      (t) => this.uses.has(t.name) || inputs.has(t.name),
    );
    const produced = new Set(this.graph.node.flatMap((n) => n.output));
    this.graph.valueInfo = this.graph.valueInfo.filter((v) => produced.has(v.name));
  }
}

/** A Conv whose kernel is 1 in every spatial dimension, with no padding. */
function isPointwise(conv: Node, w: TensorProto): boolean {
  if (w.dims.slice(2).some((d) => num(d) !== 1)) return false;
  const attr = (name: string) => conv.attribute.find((a) => a.name === name);
  const pads = attr('pads')?.ints ?? [];
  const autoPad = attr('auto_pad')?.s;
  const padMode = autoPad ? new TextDecoder().decode(autoPad) : 'NOTSET';
  return pads.every((p) => num(p) === 0) && (padMode === 'NOTSET' || padMode === 'VALID');
}

/** Every value name read by the nodes of a subgraph (and of its subgraphs). */
function namesReadIn(graph: Graph): string[] {
  return graph.node.flatMap((n) => [
    ...n.input,
    ...n.attribute.flatMap((a) => [a.g, ...a.graphs].flatMap((g) => (g ? namesReadIn(g) : []))),
  ]);
}
