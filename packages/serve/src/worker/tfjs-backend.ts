import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { datatypeFromOrt } from '../datatypes.js';
import { messageOf } from '../errors.js';
import type { Datatype, Tensor, TensorSpec } from '../types.js';
import { warmupInputs, type LoadedModel } from './backend.js';

/**
 * An IOHandler that reads a tfjs model directory (`model.json` + weight shards) from disk;
 * `@tensorflow/tfjs` only ships browser/http loaders and `file://` needs tfjs-node.
 */
export function directoryHandler(dir: string): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      const weightSpecs: tf.io.WeightsManifestEntry[] = [];
      const shards: Buffer[] = [];
      for (const group of json.weightsManifest ?? []) {
        weightSpecs.push(...group.weights);
        for (const p of group.paths) shards.push(await readFile(join(dir, p)));
      }
      const all = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        modelInitializer: json.modelInitializer,
        weightSpecs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

function spec(
  name: string,
  shape: readonly (number | null)[] | undefined,
  dtype: string,
): TensorSpec {
  const datatype = datatypeFromOrt(dtype === 'string' ? 'string' : dtype);
  if (!datatype) throw new Error(`tensor '${name}' has unsupported dtype ${dtype}`);
  return { name, datatype, shape: (shape ?? []).map((d) => (d == null || d < 0 ? -1 : d)) };
}

const TF_DTYPE: Partial<Record<Datatype, tf.DataType>> = {
  FP32: 'float32',
  INT32: 'int32',
  BOOL: 'bool',
  BYTES: 'string',
};

function toTf(t: Tensor): tf.Tensor {
  const dtype = TF_DTYPE[t.datatype];
  if (!dtype) throw new Error(`tfjs models take FP32, INT32, BOOL or BYTES, not ${t.datatype}`);
  return tf.tensor(t.data as tf.TensorLike, t.shape, dtype);
}

async function fromTf(t: tf.Tensor): Promise<Tensor> {
  const datatype = datatypeFromOrt(t.dtype)!;
  const data = await t.data();
  if (t.dtype === 'string') {
    const text = new TextDecoder();
    return {
      datatype,
      shape: t.shape,
      data: (data as unknown as Uint8Array[]).map((b) => text.decode(b)),
    };
  }
  return { datatype, shape: t.shape, data: data as Tensor['data'] };
}

/** Output dtypes and shapes of a graph model run on zeros, each variable input dim at `size`. */
function runOnZeros(model: tf.GraphModel, inputs: TensorSpec[], names: string[], size: number) {
  try {
    return tf.tidy(() => {
      const sized = inputs.map((s) => ({ ...s, shape: s.shape.map((d) => (d < 0 ? size : d)) }));
      const feeds: tf.NamedTensorMap = {};
      for (const [name, t] of Object.entries(warmupInputs(sized))) feeds[name] = toTf(t);
      const result = model.execute(feeds, names);
      return [result].flat().map((t) => ({ dtype: t.dtype, shape: t.shape }));
    });
  } catch (err) {
    throw new Error(`cannot run the graph to learn its outputs; declare them (${messageOf(err)})`);
  }
}

/**
 * A graph model's output specs, learnt by running it: a GraphDef states no shape on most
 * nodes and no dtype on some (Identity, the usual output), so tfjs cannot report them.
 * Output dims that change when the inputs' variable dims go from 1 to 2 are variable (-1).
 */
function probeOutputs(model: tf.GraphModel, inputs: TensorSpec[]): TensorSpec[] {
  const names = model.outputs.map((o) => o.name);
  const one = runOnZeros(model, inputs, names, 1);
  const two = runOnZeros(model, inputs, names, 2);
  return names.map((name, i) => {
    const shape = one[i]!.shape.map((d, k) => (d === two[i]!.shape[k] ? d : -1));
    return spec(name, shape, one[i]!.dtype);
  });
}

/** Loads a tfjs layers or graph model from a directory holding `model.json`, on the CPU backend. */
export async function loadTfjsModel(
  dir: string,
  declared: { inputs?: TensorSpec[]; outputs?: TensorSpec[] },
): Promise<LoadedModel> {
  // Production mode: skips debug checks (and the "install tfjs-node" banner).
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const topology = json.modelTopology as { node?: unknown } | undefined;
  const isGraph = json.format === 'graph-model' || Array.isArray(topology?.node);
  if (isGraph) {
    const model = await tf.loadGraphModel(directoryHandler(dir));
    const inputs = declared.inputs ?? model.inputs.map((i) => spec(i.name, i.shape, i.dtype));
    const outputs = declared.outputs ?? probeOutputs(model, inputs);
    return {
      platform: 'tensorflow_graphdef',
      inputs,
      outputs,
      async run(feeds) {
        const named: tf.NamedTensorMap = {};
        for (const [name, t] of Object.entries(feeds)) named[name] = toTf(t);
        const names = outputs.map((o) => o.name);
        const result = model.execute(named, names);
        const list = Array.isArray(result) ? result : [result];
        return collect(names, list, Object.values(named));
      },
    };
  }
  const model = await tf.loadLayersModel(directoryHandler(dir));
  const inputs =
    declared.inputs ??
    model.inputs.map((i, k) => spec(model.inputNames[k] ?? i.name, i.shape, i.dtype));
  const outputs =
    declared.outputs ??
    model.outputs.map((o, k) => spec(model.outputNames[k] ?? o.name, o.shape, o.dtype));
  return {
    platform: 'tensorflow_tfjs',
    inputs,
    outputs,
    async run(feeds) {
      const ordered = inputs.map((s) => toTf(feeds[s.name]!));
      const result = model.predict(ordered.length === 1 ? ordered[0]! : ordered);
      const list = Array.isArray(result) ? result : [result];
      return collect(
        outputs.map((o) => o.name),
        list,
        ordered,
      );
    },
  };
}

async function collect(
  names: string[],
  results: tf.Tensor[],
  feeds: tf.Tensor[],
): Promise<Record<string, Tensor>> {
  try {
    const out: Record<string, Tensor> = {};
    for (let i = 0; i < names.length; i++) out[names[i]!] = await fromTf(results[i]!);
    return out;
  } finally {
    tf.dispose([...results, ...feeds]);
  }
}
