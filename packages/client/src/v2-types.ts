/**
 * Types of the Open Inference Protocol (KServe V2) REST API, as served by @shipml/serve,
 * Triton and KServe. https://kserve.github.io/website/latest/modelserving/data_plane/v2_protocol/
 */

/** Element type of a tensor. */
export type Datatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

/** Typed arrays a tensor's data may be given as (they travel as JSON number lists). */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** A tensor to send: row-major `data` with `shape` (e.g. `[1, 3, 48, 320]`). */
export interface TensorInput {
  datatype: Datatype;
  shape: number[];
  data: TypedArray | number[] | bigint[] | boolean[] | string[];
}

/** One input of a V2 infer request as it goes on the wire. */
export interface V2RequestInput {
  name: string;
  datatype: Datatype;
  shape: number[];
  data: (number | string | boolean)[];
  parameters?: Record<string, unknown>;
}

/** A V2 infer request body. */
export interface V2InferRequest {
  id?: string;
  parameters?: Record<string, unknown>;
  inputs: V2RequestInput[];
  outputs?: { name: string; parameters?: Record<string, unknown> }[];
}

/** One output of a V2 infer response: flat row-major `data` of `shape`. */
export interface V2Output {
  name: string;
  datatype: Datatype;
  shape: number[];
  data: (number | string | boolean)[];
  parameters?: Record<string, unknown>;
}

/** A V2 infer response body. */
export interface V2InferResponse {
  model_name: string;
  model_version?: string;
  id?: string;
  parameters?: Record<string, unknown>;
  outputs: V2Output[];
}

/** `GET /v2` */
export interface ServerMetadata {
  name: string;
  version: string;
  extensions: string[];
}

/** Input or output description in model metadata; `-1` in `shape` is a free dimension. */
export interface TensorMetadata {
  name: string;
  datatype: Datatype;
  shape: number[];
}

/** `GET /v2/models/{name}[/versions/{version}]` */
export interface ModelMetadata {
  name: string;
  versions?: string[];
  platform: string;
  inputs: TensorMetadata[];
  outputs: TensorMetadata[];
}
