import { affineModel, identityModel, nextTokenModel } from '@shipml/test-utils';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../index.js';
import { alphabetPipeline, fp32Input, modelDir } from './helpers.js';
import { OipValidator, type Checked } from './oip-validator.js';

const dir = modelDir();
const validator = new OipValidator();
const seen = new Set<string>();
let app: FastifyInstance;

beforeAll(async () => {
  const modelPath = dir.write('next.onnx', nextTokenModel(27));
  app = await createServer({
    models: [
      { name: 'affine', backend: 'onnx', path: dir.write('affine.onnx', affineModel(4)) },
      { name: 'ids', backend: 'onnx', path: dir.write('ids.onnx', identityModel('int64', ['n'])) },
      { name: 'alphabet', backend: 'pipeline', path: alphabetPipeline, options: { modelPath } },
    ],
  });
});
afterAll(() => app.close());

/** Sends a request and validates the answer against the spec. */
async function call(
  opts: InjectOptions & { url: string },
): Promise<{ status: number; body: unknown; checked: Checked }> {
  const res = await app.inject(opts);
  const type = String(res.headers['content-type'] ?? '');
  expect(type).toMatch(/^(application\/json|text\/event-stream)/);
  const method = opts.method ?? 'GET';
  let body: unknown;
  let checked!: Checked;
  if (type.startsWith('text/event-stream')) {
    const events = res.body.split('\n\n').filter((e) => e.startsWith('data: '));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      body = JSON.parse(e.slice(6));
      checked = validator.check(method, opts.url, res.statusCode, body, type);
    }
  } else {
    body = res.json();
    checked = validator.check(method, opts.url, res.statusCode, body, type);
  }
  seen.add(checked.template);
  return { status: res.statusCode, body, checked };
}

const post = (url: string, payload: object) => call({ method: 'POST', url, payload });

describe('every response fits open_inference_rest.yaml / generate_rest.yaml', () => {
  it('server metadata and health', async () => {
    for (const url of ['/v2', '/v2/']) {
      const r = await call({ url });
      expect(r.status).toBe(200);
      expect(r.checked.schema).toMatch(/metadata_server_response/);
      expect(r.body).toMatchObject({ name: 'shipml-serve', extensions: ['generate'] });
    }
    expect((await call({ url: '/v2/health/live' })).body).toEqual({ live: true });
    expect((await call({ url: '/v2/health/ready' })).body).toEqual({ ready: true });
  });

  it('model metadata and readiness, with and without a version', async () => {
    for (const url of ['/v2/models/affine', '/v2/models/affine/versions/1']) {
      const r = await call({ url });
      expect(r.status).toBe(200);
      expect(r.checked.schema).toMatch(/metadata_model_response/);
      expect(r.body).toMatchObject({ name: 'affine', versions: ['1'], platform: 'onnx_onnxv1' });
    }
    expect((await call({ url: '/v2/models/ids/ready' })).body).toEqual({
      name: 'ids',
      ready: true,
    });
    expect((await call({ url: '/v2/models/ids/versions/1/ready' })).status).toBe(200);
    expect((await call({ url: '/v2/models/alphabet' })).body).toMatchObject({
      platform: 'shipml_pipeline',
    });
  });

  it('inference answers, including INT64 and BYTES', async () => {
    const a = await post('/v2/models/affine/infer', {
      id: '7',
      inputs: [fp32Input([1, 4], [1, 2, 3, 4])],
    });
    expect(a.checked.schema).toMatch(/inference_response/);
    const ids = await post('/v2/models/ids/versions/1/infer', {
      inputs: [{ name: 'input', datatype: 'INT64', shape: [3], data: [-5, '9007199254740993', 0] }],
    });
    expect(ids.status).toBe(200);
    expect((ids.body as { outputs: { data: number[] }[] }).outputs[0]!.data).toEqual([
      -5, 9007199254740992, 0,
    ]);
    const text = await post('/v2/models/alphabet/infer', {
      inputs: [{ name: 'text', datatype: 'BYTES', shape: [1], data: ['hi'] }],
      parameters: { note: 'passed to the pipeline' },
    });
    expect(text.status).toBe(200);
  });

  it('error answers: 400, 404, 413, 415, bad JSON', async () => {
    const cases: [InjectOptions & { url: string }, number][] = [
      [
        {
          method: 'POST',
          url: '/v2/models/affine/infer',
          payload: { inputs: [fp32Input([1, 4], [1])] },
        },
        400,
      ],
      [{ method: 'POST', url: '/v2/models/nope/infer', payload: { inputs: [] } }, 404],
      [{ method: 'POST', url: '/v2/models/nope/versions/2/infer', payload: { inputs: [] } }, 404],
      [{ url: '/v2/models/nope' }, 404],
      [{ url: '/v2/models/affine/versions/9' }, 404],
      [{ url: '/v2/models/nope/ready' }, 404],
      [
        {
          method: 'POST',
          url: '/v2/models/affine/infer',
          payload: '{"inputs": [',
          headers: { 'content-type': 'application/json' },
        },
        400,
      ],
      [
        {
          method: 'POST',
          url: '/v2/models/affine/infer',
          payload: 'x=1',
          headers: { 'content-type': 'text/plain' },
        },
        415,
      ],
      [
        {
          method: 'POST',
          url: '/v2/models/affine/infer',
          payload: `{"inputs":[{"name":"x","datatype":"FP32","shape":[1],"data":[${'1,'.repeat(20_000_000)}1]}]}`,
          headers: { 'content-type': 'application/json' },
        },
        413,
      ],
    ];
    for (const [opts, status] of cases) {
      const r = await call(opts);
      expect(r.status, `${opts.method ?? 'GET'} ${opts.url}`).toBe(status);
      expect(r.checked.schema).toMatch(/^error$|error_response$/);
    }
  });

  it('generate and generate_stream answers and errors', async () => {
    const g = await post('/v2/models/alphabet/generate', {
      text_input: 'x',
      parameters: { details: true },
    });
    expect(g.checked.schema).toMatch(/GenerateResponse/);
    expect(g.body).toMatchObject({ text_output: 'yz', details: { finish_reason: 'eos_token' } });
    await post('/v2/models/alphabet/versions/1/generate', {
      text_input: 'a',
      parameters: { max_tokens: 2 },
    });
    const s = await post('/v2/models/alphabet/generate_stream', {
      text_input: 'w',
      parameters: { details: true },
    });
    expect(s.checked.schema).toMatch(/GenerateStreamResponse/);
    await post('/v2/models/alphabet/versions/1/generate_stream', { text_input: 'y' });
    expect((await post('/v2/models/alphabet/generate', { text_input: { text: 'a' } })).status).toBe(
      422,
    );
    expect(
      (
        await post('/v2/models/alphabet/generate_stream', {
          text_input: 'a',
          parameters: { top_p: 2 },
        })
      ).status,
    ).toBe(422);
    expect((await post('/v2/models/affine/generate', { text_input: 'a' })).status).toBe(400);
  });

  it('covered every route of both specs', () => {
    expect([...seen].sort()).toEqual(
      [
        '/v2/',
        '/v2/health/live',
        '/v2/health/ready',
        '/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}',
        '/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/ready',
        '/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/infer',
        '/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/generate',
        '/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/generate_stream',
      ].sort(),
    );
  });
});
