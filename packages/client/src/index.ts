export { createClient } from './client.js';
export type { ClientOptions, InferCallOptions, InferResult, ShipmlClient } from './client.js';
export { getJson, postFile, postJson, type PostFileOptions } from './api.js';
export { ShipmlApiError, isAbortError } from './errors.js';
export type { RequestOptions } from './http.js';
export { readSseEvents, streamJson, type SseEvent } from './sse.js';
export { outputsByName, toRequestInputs, type OutputTensor } from './tensors.js';
export type * from './v2-types.js';
