import type { CatalogueItem, DataSourceName, RatingScale } from '../data/types.js';
import { DEFAULT_HYPERPARAMETERS, type Hyperparameters } from './hyperparameters.js';
import type { RecommenderModel } from './model.js';

/** Bumped when the sidecar's shape changes, so an old server refuses a new file clearly. */
export const SIDECAR_FORMAT = 'shipml-recommender/2';
/** Format 1 had no implicit vectors: such models fold users in without them, as they were trained. */
const READABLE_FORMATS: readonly string[] = ['shipml-recommender/1', SIDECAR_FORMAT];

/** A float32 array stored exactly: little-endian bytes in base64, with its shape. */
interface EncodedArray {
  dtype: 'float32' | 'int32';
  shape: number[];
  base64: string;
}

/** model.json beside model.onnx: what the ONNX graph does not hold, and how it was made. */
export interface ModelSidecar {
  format: typeof SIDECAR_FORMAT;
  version: string;
  createdAt: string;
  source: DataSourceName;
  licence: string;
  scale: RatingScale;
  globalMean: number;
  factors: number;
  parameterCount: number;
  hyperparameters: Hyperparameters;
  metrics: Record<string, number>;
  /** The catalogue, in the item order of every array below and of the ONNX outputs. */
  items: CatalogueItem[];
  itemBias: EncodedArray;
  itemVectors: EncodedArray;
  /** SVD++'s y_j, [nItems, factors]; null when trained without implicit feedback. */
  implicitVectors: EncodedArray | null;
  ratingCount: EncodedArray;
  ratingMean: EncodedArray;
}

/** The sidecar object for a model (JSON.stringify it to write). */
export function toSidecar(model: RecommenderModel, version: string, licence: string): ModelSidecar {
  return {
    format: SIDECAR_FORMAT,
    version,
    createdAt: new Date().toISOString(),
    source: model.source,
    licence,
    scale: model.scale,
    globalMean: model.globalMean,
    factors: model.factors,
    parameterCount:
      1 + model.itemBias.length + model.itemVectors.length + (model.implicitVectors?.length ?? 0),
    hyperparameters: model.hyperparameters,
    metrics: model.metrics,
    items: model.items,
    itemBias: encode(model.itemBias, [model.items.length]),
    itemVectors: encode(model.itemVectors, [model.items.length, model.factors]),
    implicitVectors:
      model.implicitVectors && encode(model.implicitVectors, [model.items.length, model.factors]),
    ratingCount: encode(model.ratingCount, [model.items.length]),
    ratingMean: encode(model.ratingMean, [model.items.length]),
  };
}

/** Reads a parsed sidecar back into a model, checking format and array sizes. */
export function fromSidecar(json: unknown): RecommenderModel {
  const s = json as ModelSidecar;
  if (!READABLE_FORMATS.includes(s?.format))
    throw new Error(`not a ${SIDECAR_FORMAT} sidecar (format: ${JSON.stringify(s?.format)})`);
  const n = s.items.length;
  const model: RecommenderModel = {
    items: s.items,
    factors: s.factors,
    globalMean: s.globalMean,
    itemBias: decodeFloat(s.itemBias, n),
    itemVectors: decodeFloat(s.itemVectors, n * s.factors),
    implicitVectors: s.implicitVectors ? decodeFloat(s.implicitVectors, n * s.factors) : null,
    ratingCount: new Int32Array(decode(s.ratingCount, n)),
    ratingMean: decodeFloat(s.ratingMean, n),
    scale: s.scale,
    // Fold-in settings added after a model was written take their defaults: they apply at
    // serving time, so the trained vectors do not depend on them.
    hyperparameters: {
      ...s.hyperparameters,
      foldInBiasPrior: s.hyperparameters.foldInBiasPrior ?? DEFAULT_HYPERPARAMETERS.foldInBiasPrior,
      // Not a serving setting: what the stored vectors were trained with.
      implicitFeedback: s.implicitVectors != null,
      regImplicit: s.hyperparameters.regImplicit ?? DEFAULT_HYPERPARAMETERS.regImplicit,
    },
    source: s.source,
    metrics: s.metrics,
  };
  return model;
}

function encode(a: Float32Array | Int32Array, shape: number[]): EncodedArray {
  return {
    dtype: a instanceof Float32Array ? 'float32' : 'int32',
    shape,
    base64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64'),
  };
}

function decode(e: EncodedArray, length: number): ArrayBuffer {
  const bytes = Buffer.from(e.base64, 'base64');
  if (bytes.byteLength !== length * 4)
    throw new Error(
      `sidecar array of shape ${e.shape} holds ${bytes.byteLength} bytes, expected ${length * 4}`,
    );
  // Copy into a fresh, aligned buffer: Buffer.from may share a pool at any offset.
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function decodeFloat(e: EncodedArray, length: number): Float32Array {
  return new Float32Array(decode(e, length));
}
