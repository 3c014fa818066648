/// <reference types="@fastify/swagger" preserve="true" />
// Route schemas may carry OpenAPI fields (summary, description, tags) for /docs.
export { createServer, type CreateServerOptions } from './create-server.js';
export { shipmlServe } from './plugin.js';
export { listen, type ListenOptions, type Listening } from './listen.js';
export { InferenceService } from './inference-service.js';
export { Admission, type AdmissionOptions } from './scheduler/admission.js';
export { clientSignal } from './http/request-context.js';
export { errorHandler } from './http/errors.js';
export { SSE_WRITE_WINDOW_MS, sendEventStream, type EventStreamOptions } from './http/sse.js';
export type { ServedModel } from './served-model.js';
export {
  ServeError,
  InvalidInputError,
  ModelNotFoundError,
  GenerateInputError,
  ClientClosedError,
  UnsupportedMediaError,
  ConfigError,
  ModelLoadError,
  InferenceError,
  QueueFullError,
  BusyError,
  NotReadyError,
  DeadlineExceededError,
} from './errors.js';
export {
  definePipeline,
  type Pipeline,
  type PipelineContext,
  type PipelineModule,
} from './pipeline.js';
export type {
  Backend,
  Datatype,
  FinishReason,
  GenerateEvent,
  GenerateOptions,
  GenerateParameters,
  GeneratedToken,
  GenerateTimings,
  NextTokens,
  NextTokensOptions,
  InferOptions,
  ModelConfig,
  ResolvedModelLike,
  ServeOptions,
  Tensor,
  TensorSpec,
  TypedArray,
} from './types.js';
