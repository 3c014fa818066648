import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { affineModel } from '@shipml/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../index.js';
import { fp32Input, metricValue, modelDir, slowModel } from './helpers.js';

const dir = modelDir();
let app: FastifyInstance;
let base: string;
let port: number;

beforeAll(async () => {
  app = await createServer({
    bodyLimit: 1024 * 1024,
    models: [
      { name: 'affine', backend: 'onnx', path: dir.write('affine.onnx', affineModel(4)) },
      {
        name: 'slow',
        backend: 'onnx',
        path: dir.write('slow.onnx', slowModel()),
      },
    ],
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(base).port);
});
afterAll(() => app.close());

const postRaw = (path: string, body: string, type = 'application/json') =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body });

async function metric(name: string, model: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return metricValue(text, name, model);
}

async function stillHealthy(): Promise<void> {
  const res = await postRaw(
    '/v2/models/affine/infer',
    JSON.stringify({ inputs: [fp32Input([1, 4], [0, 0, 0, 0])] }),
  );
  expect(res.status).toBe(200);
}

describe('limits over a real port', () => {
  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ inputs: [fp32Input([300_000], Array(300_000).fill(1.5))] });
    const res = await postRaw('/v2/models/affine/infer', big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/too large/i) });
    await stillHealthy();
  });

  it('answers truncated JSON with 400', async () => {
    const res = await postRaw(
      '/v2/models/affine/infer',
      '{"inputs": [{"name": "x", "shape": [1, 4',
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/JSON/);
  });

  it('answers a wrong content type with 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
    ]) {
      const res = await postRaw('/v2/models/affine/infer', 'inputs=1', type);
      expect(res.status, type).toBe(415);
      expect(((await res.json()) as { error: string }).error).toMatch(/content type/i);
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${base}/v3/whatever`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Route GET /v3/whatever not found' });
  });

  it('survives a client that hangs up halfway through its body', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /v2/models/affine/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"inputs": [',
        );
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => {});
    });
    await stillHealthy();
  });

  it('drops the queued work of a client that disconnects', async () => {
    const payload = JSON.stringify({ inputs: [fp32Input([1, 8], Array(8).fill(0))] });
    const before = await metric('shipml_execution_count_total', 'slow');
    const running = postRaw('/v2/models/slow/infer', payload);
    // A second request queues behind the first; its client goes away before it runs.
    const req = httpRequest(`${base}/v2/models/slow/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    const gone = new Promise<void>((resolve) => req.on('error', () => resolve()));
    req.end(payload);
    await expect.poll(() => metric('shipml_pending_requests', 'slow')).toBe(2);
    req.destroy();
    await gone;
    expect((await running).status).toBe(200);
    await expect.poll(() => metric('shipml_pending_requests', 'slow')).toBe(0);
    expect(await metric('shipml_execution_count_total', 'slow')).toBe(before + 1);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/shipml_requests_total\{model="slow",outcome="failure",status="499"\} 1/);
  });
  it('serves many requests over one keep-alive connection, and its close drops nothing', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = httpRequest(`${base}/v2/models/affine/infer`, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, socket: req.socket }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const successes = async () =>
        metricValue(
          await (await fetch(`${base}/metrics`)).text(),
          'shipml_requests_total',
          'affine',
          {
            outcome: 'success',
            status: '200',
          },
        );
      const before = await successes();
      const body = JSON.stringify({ inputs: [fp32Input([1, 4], [1, 2, 3, 4])] });
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await post(body));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      expect(new Set(answers.map((a) => a.socket)).size).toBe(1); // one connection throughout
      agent.destroy();
      await new Promise((r) => setTimeout(r, 50));
      await stillHealthy();
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).not.toMatch(/shipml_requests_total\{model="affine",outcome="failure"/);
      expect(await successes()).toBe(before + 21);
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('docs and metrics', () => {
  it('serves the OpenAPI document and Swagger UI at /docs', async () => {
    const doc = (await (await fetch(`${base}/docs/json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v2/health/ready',
        '/v2/models/{name}/infer',
        '/v2/models/{name}/generate_stream',
      ]),
    );
    const ui = await fetch(`${base}/docs/static/index.html`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(/swagger/i);
    const bundle = await fetch(`${base}/docs/static/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });

  it('exports Prometheus metrics including event-loop lag', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const name of [
      'shipml_requests_total',
      'shipml_inference_count_total',
      'shipml_execution_count_total',
      'shipml_queue_duration_seconds_bucket',
      'shipml_compute_duration_seconds_bucket',
      'shipml_pending_requests',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(name);
    }
  });
});
