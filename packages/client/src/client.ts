import { getJson, postFile, postJson, type PostFileOptions } from './api.js';
import { ShipmlApiError } from './errors.js';
import { joinUrl, send, type RequestOptions } from './http.js';
import { streamJson } from './sse.js';
import { outputsByName, toRequestInputs, type OutputTensor } from './tensors.js';
import type {
  ModelMetadata,
  ServerMetadata,
  TensorInput,
  V2InferRequest,
  V2InferResponse,
} from './v2-types.js';

/** Options for {@link createClient}. */
export interface ClientOptions {
  /** Server origin or prefix: `''` (default, same origin — the starters' web apps), `'http://127.0.0.1:3000'`. */
  baseUrl?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
}

/** Options for {@link ShipmlClient.infer}. */
export interface InferCallOptions extends RequestOptions {
  /** Model version; the server's default when left out. */
  version?: string;
  /** Request id echoed back by the server. */
  id?: string;
  /** Only return these outputs (all when left out). */
  outputs?: string[];
  /** Request-level parameters passed through to the server. */
  parameters?: Record<string, unknown>;
}

/** What {@link ShipmlClient.infer} resolves to. */
export interface InferResult {
  /** The raw V2 response. */
  response: V2InferResponse;
  /** Outputs by name, numeric data as typed arrays. */
  outputs: Record<string, OutputTensor>;
}

/** A typed client for one shipml (or any V2) server. Create it with {@link createClient}. */
export interface ShipmlClient {
  /** `GET /v2/health/live` → true when the process answers. Never throws on a non-2xx. */
  serverLive(opts?: RequestOptions): Promise<boolean>;
  /** `GET /v2/health/ready` → true when every model is loaded. Never throws on a non-2xx. */
  serverReady(opts?: RequestOptions): Promise<boolean>;
  /** `GET /v2/models/{model}/ready` → true when that model can take requests. */
  modelReady(model: string, opts?: RequestOptions & { version?: string }): Promise<boolean>;
  /** `GET /v2` → server name, version, extensions. */
  serverMetadata(opts?: RequestOptions): Promise<ServerMetadata>;
  /** `GET /v2/models/{model}` → inputs and outputs with shapes; 404 → ShipmlApiError. */
  modelMetadata(
    model: string,
    opts?: RequestOptions & { version?: string },
  ): Promise<ModelMetadata>;
  /**
   * `POST /v2/models/{model}/infer` with named tensors, e.g.
   * `infer('ppocr-det', { x: { datatype: 'FP32', shape: [1, 3, 640, 640], data } })`.
   */
  infer(
    model: string,
    inputs: Record<string, TensorInput>,
    opts?: InferCallOptions,
  ): Promise<InferResult>;
  /** Sends a V2 request body exactly as given and returns the raw response. */
  inferRaw(
    model: string,
    request: V2InferRequest,
    opts?: RequestOptions & { version?: string },
  ): Promise<V2InferResponse>;
  /**
   * `POST /v2/models/{model}/generate_stream` (the V2 generate extension, Server-Sent Events):
   * yields each event's JSON, e.g. `{ text_output: '…' }`, until the server ends the stream.
   */
  generateStream<T = Record<string, unknown>>(
    model: string,
    body: Record<string, unknown>,
    opts?: RequestOptions & { version?: string },
  ): AsyncGenerator<T>;
  /** Starter API: upload a file to `path` (relative to `baseUrl`) → JSON `T`. */
  postFile<T>(path: string, file: Blob, opts?: PostFileOptions): Promise<T>;
  /** Starter API: `GET path` → JSON `T`. */
  getJson<T>(path: string, opts?: RequestOptions): Promise<T>;
  /** Starter API: `POST path` with a JSON body → JSON `T`. */
  postJson<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
}

/**
 * Creates a client. Every method rejects with `ShipmlApiError` (status + the server's message)
 * on an error answer, and with an `AbortError` when its `signal` fires.
 */
export function createClient(options: ClientOptions = {}): ShipmlClient {
  const base = options.baseUrl ?? '';
  const url = (path: string) => joinUrl(base, path);
  const merge = <O extends RequestOptions>(opts: O | undefined): O =>
    ({
      ...opts,
      headers: { ...options.headers, ...opts?.headers },
      fetch: opts?.fetch ?? options.fetch,
    }) as O;
  const modelPath = (model: string, version: string | undefined) =>
    `/v2/models/${encodeURIComponent(model)}` +
    (version ? `/versions/${encodeURIComponent(version)}` : '');

  // Health routes answer with an empty body or a status only; a refused connection also means "no".
  const probe = async (path: string, opts?: RequestOptions) => {
    try {
      await send(url(path), { method: 'GET' }, merge(opts));
      return true;
    } catch (err) {
      if (err instanceof ShipmlApiError) return false;
      throw err;
    }
  };

  const inferRaw: ShipmlClient['inferRaw'] = (model, request, opts) =>
    postJson<V2InferResponse>(
      url(`${modelPath(model, opts?.version)}/infer`),
      request,
      merge(opts),
    );

  return {
    serverLive: (opts) => probe('/v2/health/live', opts),
    serverReady: (opts) => probe('/v2/health/ready', opts),
    modelReady: (model, opts) => probe(`${modelPath(model, opts?.version)}/ready`, opts),
    serverMetadata: (opts) => getJson<ServerMetadata>(url('/v2'), merge(opts)),
    modelMetadata: (model, opts) =>
      getJson<ModelMetadata>(url(modelPath(model, opts?.version)), merge(opts)),
    async infer(model, inputs, opts = {}) {
      const { version, id, outputs, parameters, ...request } = opts;
      const body: V2InferRequest = {
        ...(id !== undefined ? { id } : {}),
        ...(parameters !== undefined ? { parameters } : {}),
        inputs: toRequestInputs(inputs),
        ...(outputs !== undefined ? { outputs: outputs.map((name) => ({ name })) } : {}),
      };
      const response = await inferRaw(model, body, { ...request, ...(version ? { version } : {}) });
      return { response, outputs: outputsByName(response.outputs) };
    },
    inferRaw,
    generateStream: (model, body, opts) =>
      streamJson(url(`${modelPath(model, opts?.version)}/generate_stream`), body, merge(opts)),
    postFile: (path, file, opts) => postFile(url(path), file, merge(opts)),
    getJson: (path, opts) => getJson(url(path), merge(opts)),
    postJson: (path, body, opts) => postJson(url(path), body, merge(opts)),
  };
}
