// `@shipml/serve/onnx`: the ONNX Runtime settings serve's workers use, for code that runs a model
// in-process (an eval script, a benchmark's baseline) and should measure what the server runs.
export {
  openSession,
  sessionOptions,
  type SessionBehaviour,
  type ThreadBehaviour,
} from './worker/onnx-backend.js';
export { fuseGraph, type FusedCounts } from './worker/fuse-graph.js';
