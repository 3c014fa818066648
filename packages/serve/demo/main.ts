/**
 * `pnpm --filter @shipml/serve demo`: serves two small generated models on PORT (default 3000).
 *   - `affine`: ONNX, y = 2x + 1 and the row sums, x: FP32 [batch, 4], batched dynamically;
 *   - `alphabet`: a text-generation pipeline (char tokenizer + next-letter ONNX model).
 * Try the curl commands it prints, the API docs at /docs, and /metrics. Ctrl-C drains and exits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { affineModel, nextTokenModel } from '@shipml/test-utils';
import { createServer, listen } from '../src/index.js';

const dir = join(tmpdir(), 'shipml-serve-demo');
mkdirSync(dir, { recursive: true });
const affinePath = join(dir, 'affine.onnx');
const nextTokenPath = join(dir, 'next-token.onnx');
writeFileSync(affinePath, affineModel(4));
writeFileSync(nextTokenPath, nextTokenModel(27));

const app = await createServer({
  fastify: { logger: { level: 'info' } },
  models: [
    { name: 'affine', backend: 'onnx', path: affinePath, maxBatchSize: 16 },
    {
      name: 'alphabet',
      backend: 'pipeline',
      path: fileURLToPath(new URL('../examples/alphabet-pipeline.mjs', import.meta.url)),
      options: { modelPath: nextTokenPath, tokenDelayMs: 100 },
    },
  ],
});
const server = await listen(app);
const url = server.address.replace('0.0.0.0', 'localhost');
console.log(`
shipml-serve demo on ${url}   (API docs: ${url}/docs, metrics: ${url}/metrics)

  curl ${url}/v2/models/affine
  curl -X POST ${url}/v2/models/affine/infer -H 'content-type: application/json' \\
    -d '{"inputs":[{"name":"x","datatype":"FP32","shape":[1,4],"data":[1,2,3,4]}]}'
  curl -N -X POST ${url}/v2/models/alphabet/generate_stream -H 'content-type: application/json' \\
    -d '{"text_input":"h","parameters":{"max_tokens":10}}'
`);
await server.closed;
process.exit(0);
