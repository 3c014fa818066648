import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { DATATYPES, datatypeFromOrt } from '../datatypes.js';
import type { Tensor, TensorSpec } from '../types.js';
import type { LoadedModel } from './backend.js';
import { fuseGraph, type FusedCounts } from './fuse-graph.js';

/** How a session's threads behave (see `ModelConfig.spinThreads`). */
export interface ThreadBehaviour {
  /** Pool threads spin between parallel sections (true, ONNX Runtime's default) or sleep. */
  spinThreads?: boolean;
}

/** How a model file is opened (see `ModelConfig.fuseGraph`). */
export interface SessionBehaviour extends ThreadBehaviour {
  /** Apply `fuseGraph`'s exact rewrites to the graph before ONNX Runtime loads it. */
  fuseGraph?: boolean;
}

/**
 * Session options for one worker: `threads` intra-op threads and no inter-op pool, so
 * `workers × threads` is the number of cores the model may keep busy. ONNX Runtime's pool
 * threads spin briefly between parallel sections by default: made to sleep instead, each
 * MatMul waits for a thread to wake, and one row of a 3072-wide MatMul stack took ~30% longer
 * (32 rows ~3%). Their spinning yields to the event loop, which runs at a higher priority (see
 * `niceIncrement`). But two models whose sessions run one after the other on two cores (a
 * detector, then a recogniser) spin against each other: there `spinThreads: false` made the
 * licence-plate pipeline ~20% faster per photo.
 */
export function sessionOptions(
  threads: number,
  { spinThreads = true }: ThreadBehaviour = {},
): ort.InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    ...(spinThreads ? {} : { extra: { session: { 'intra_op.allow_spinning': '0' } } }),
  };
}

/**
 * Opens an ONNX model file (or bytes) with the worker's thread settings; with `fuseGraph`, the
 * graph is rewritten first (see `fuseGraph` in fuse-graph.ts).
 */
export async function openSession(
  model: string | Uint8Array,
  threads: number,
  behaviour: SessionBehaviour = {},
): Promise<ort.InferenceSession> {
  return (await openFused(model, threads, behaviour)).session;
}

/** `openSession`, and with `fuseGraph` what the rewrite did. */
async function openFused(
  model: string | Uint8Array,
  threads: number,
  behaviour: SessionBehaviour,
): Promise<{ session: ort.InferenceSession; fused?: FusedCounts }> {
  const options = sessionOptions(threads, behaviour);
  if (behaviour.fuseGraph) {
    const bytes = typeof model === 'string' ? await readFile(model) : model;
    try {
      const { model: rewritten, fused } = fuseGraph(bytes);
      return { session: await ort.InferenceSession.create(rewritten, options), fused };
    } catch (err) {
      const what = typeof model === 'string' ? model : 'the model bytes';
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`cannot load ${what} as an ONNX model: ${reason}`, { cause: err });
    }
  }
  const session =
    typeof model === 'string'
      ? await ort.InferenceSession.create(model, options)
      : await ort.InferenceSession.create(model, options);
  return { session };
}

/** The tensor specs of a session's inputs or outputs (`kind` names them in errors). */
export function specsFrom(
  metadata: readonly ort.InferenceSession.ValueMetadata[],
  kind: string,
): TensorSpec[] {
  return metadata.map((m) => {
    if (!m.isTensor) throw new Error(`${kind} '${m.name}' is not a tensor; not supported`);
    const datatype = datatypeFromOrt(m.type);
    if (!datatype) throw new Error(`${kind} '${m.name}' has unsupported type ${m.type}`);
    // Symbolic or unknown dimensions are variable: -1.
    const shape = m.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : -1));
    return { name: m.name, datatype, shape };
  });
}

/** Our tensor → onnxruntime tensor. */
export function toOrt(t: Tensor): ort.Tensor {
  const type = DATATYPES[t.datatype].ort as ort.Tensor.Type;
  return new ort.Tensor(type, t.data, t.shape);
}

/** onnxruntime tensor → our tensor. */
export function fromOrt(t: ort.Tensor): Tensor {
  const datatype = datatypeFromOrt(t.type);
  if (!datatype) throw new Error(`unsupported output type ${t.type}`);
  return { datatype, shape: [...t.dims], data: t.data };
}

export async function loadOnnxModel(
  path: string,
  threads: number,
  declared: { inputs?: TensorSpec[]; outputs?: TensorSpec[] },
  behaviour: SessionBehaviour = {},
): Promise<LoadedModel> {
  const { session, fused } = await openFused(path, threads, behaviour);
  return {
    platform: 'onnx_onnxv1',
    ...(fused ? { fused } : {}),
    inputs: declared.inputs ?? specsFrom(session.inputMetadata, 'input'),
    outputs: declared.outputs ?? specsFrom(session.outputMetadata, 'output'),
    async run(inputs) {
      const feeds: Record<string, ort.Tensor> = {};
      for (const [name, t] of Object.entries(inputs)) feeds[name] = toOrt(t);
      const results = await session.run(feeds);
      const out: Record<string, Tensor> = {};
      for (const [name, t] of Object.entries(results)) out[name] = fromOrt(t);
      return out;
    },
  };
}
