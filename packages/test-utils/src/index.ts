export { chromiumPath, launchBrowser, type LaunchedBrowser } from './browser.js';
export { getFreePort, waitForHttp } from './net.js';
export { makeTempDir } from './tmp.js';
export {
  affineModel,
  buildOnnxModel,
  identityModel,
  matmulStackModel,
  nextTokenModel,
  seededRandom,
  type MatMulStackOptions,
  type OnnxElemType,
  type OnnxGraph,
  type OnnxInitializer,
  type OnnxNode,
  type OnnxValue,
} from './onnx-models.js';
