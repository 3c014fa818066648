import type { FastifyInstance } from 'fastify';
import type { ServedModel } from '../served-model.js';
import { modelParams } from './schemas.js';

const PLATFORM = {
  onnx: 'onnx_onnxv1',
  tfjs: 'tensorflow_tfjs',
  pipeline: 'shipml_pipeline',
  'causal-lm': 'onnx_onnxv1',
} as const;

function metadata(m: ServedModel, versions: string[]) {
  const d = m.description;
  const worker = m.config.worker;
  return {
    name: m.name,
    versions,
    platform: d?.platform ?? PLATFORM[worker.backend],
    inputs: d?.inputs ?? worker.inputs ?? [],
    outputs: d?.outputs ?? worker.outputs ?? [],
  };
}

/** Server and model health, readiness and metadata (Open Inference Protocol). */
export function healthRoutes(
  app: FastifyInstance,
  serverName: string,
  serverVersion: string,
): void {
  const service = app.inference;
  const tags = ['health'];
  // The generate extension is listed only when a model can generate: a loaded model that
  // says so, or a causal LM still loading.
  const generates = (m: ServedModel) =>
    m.description ? m.description.generates : m.config.worker.backend === 'causal-lm';
  const serverMetadata = () => ({
    name: serverName,
    version: serverVersion,
    extensions: service.models().some(generates) ? ['generate'] : [],
  });
  for (const url of ['/v2', '/v2/']) {
    app.get(url, { schema: { tags, summary: 'Server metadata' } }, serverMetadata);
  }
  app.get('/v2/health/live', { schema: { tags, summary: 'Server live' } }, () => ({ live: true }));
  app.get(
    '/v2/health/ready',
    { schema: { tags, summary: 'Server ready (all models loaded)' } },
    (_req, reply) => {
      const ready = service.ready;
      if (!ready) void reply.status(503).header('retry-after', '1');
      return { ready };
    },
  );

  for (const base of ['/v2/models/:name', '/v2/models/:name/versions/:version']) {
    type Params = { name: string; version?: string };
    app.get<{ Params: Params }>(
      base,
      { schema: { tags: ['models'], summary: 'Model metadata', params: modelParams } },
      (req) => {
        const m = service.model(req.params.name, req.params.version);
        const versions = service
          .models()
          .filter((x) => x.name === m.name)
          .map((x) => x.version);
        return metadata(m, versions);
      },
    );
    app.get<{ Params: Params }>(
      `${base}/ready`,
      { schema: { tags: ['models'], summary: 'Model ready', params: modelParams } },
      (req, reply) => {
        const m = service.model(req.params.name, req.params.version);
        const ready = m.state === 'ready' && !service.draining;
        if (!ready) void reply.status(503).header('retry-after', '1');
        return { name: m.name, ready };
      },
    );
  }
}
