// Browser and port helpers live in the published @shipml/dev, which apps' own tests use too.
export { chromiumPath, getFreePort, launchBrowser, waitForHttp } from '@shipml/dev/e2e';
export { makeTempDir } from './tmp.js';
export {
  affineModel,
  buildOnnxModel,
  identityModel,
  matmulStackModel,
  nextTokenModel,
  type MatMulStackOptions,
  type OnnxElemType,
  type OnnxGraph,
  type OnnxInitializer,
  type OnnxNode,
  type OnnxValue,
} from './onnx-models.js';
export {
  TINY_GPT2_EOS,
  TINY_GPT2_VOCAB,
  tinyGpt2Onnx,
  writeTinyGpt2,
  type TinyGpt2Options,
} from './tiny-gpt2.js';
