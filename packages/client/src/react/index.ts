export { useMutation, type Mutation } from './use-mutation.js';
export { useUpload } from './use-upload.js';
export { useInference } from './use-inference.js';
export { useGenerateStream, useStream, type StreamMutation } from './use-stream.js';
export { useServerReady, type ServerReadiness } from './use-server-ready.js';
export {
  MutationStore,
  type MutationFn,
  type MutationState,
  type MutationStatus,
} from './mutation-store.js';
