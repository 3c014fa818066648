import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFreePort } from '@shipml/test-utils';
import { startTestServer } from './__tests__/test-server.js';
import { createClient, type ShipmlClient } from './client.js';
import { ShipmlApiError, isAbortError } from './errors.js';

let app: FastifyInstance;
let baseUrl: string;
let client: ShipmlClient;

beforeAll(async () => {
  ({ app, baseUrl } = await startTestServer());
  client = createClient({ baseUrl });
});
afterAll(() => app.close());

describe('health and metadata', () => {
  it('reports live and ready, and not ready when the server says 503', async () => {
    expect(await client.serverLive()).toBe(true);
    expect(await client.serverReady()).toBe(true);
    await client.postJson('/test/ready', { ready: false });
    expect(await client.serverReady()).toBe(false);
    await client.postJson('/test/ready', { ready: true });
    expect(await client.serverReady()).toBe(true);
    expect(await client.modelReady('double')).toBe(true);
  });

  it('says not ready, without throwing, when nothing listens', async () => {
    const nobody = createClient({ baseUrl: `http://127.0.0.1:${await getFreePort()}` });
    expect(await nobody.serverReady()).toBe(false);
    await expect(nobody.serverMetadata()).rejects.toMatchObject({
      name: 'ShipmlApiError',
      status: 0,
    });
  });

  it('reads server and model metadata', async () => {
    expect(await client.serverMetadata()).toEqual({
      name: 'test',
      version: '1.2.3',
      extensions: ['generate'],
    });
    const meta = await client.modelMetadata('double');
    expect(meta.inputs).toEqual([{ name: 'x', datatype: 'FP32', shape: [-1, 2] }]);
  });

  it("turns an unknown model into a ShipmlApiError carrying the server's message", async () => {
    const err = await client.modelMetadata('nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShipmlApiError);
    expect(err).toMatchObject({ status: 404, message: 'Unknown model "nope"' });
  });
});

describe('infer', () => {
  it('sends typed arrays as V2 JSON and decodes outputs into typed arrays', async () => {
    const result = await client.infer(
      'double',
      {
        x: { datatype: 'FP32', shape: [2, 2], data: new Float32Array([1, 2.5, -3, 4]) },
        n: { datatype: 'INT64', shape: [1], data: new BigInt64Array([42n]) },
      },
      { id: 'req-1' },
    );
    expect(result.response.id).toBe('req-1');
    const y = result.outputs.y!;
    expect(y.shape).toEqual([2, 2]);
    expect(y.data).toBeInstanceOf(Float32Array);
    expect(Array.from(y.data as Float32Array)).toEqual([2, 5, -6, 8]);
    expect(result.outputs.m!.data).toEqual([42]);
  });

  it('asks for selected outputs only', async () => {
    const result = await client.infer(
      'double',
      {
        x: { datatype: 'FP32', shape: [1, 2], data: [1, 2] },
        n: { datatype: 'INT64', shape: [1], data: [7] },
      },
      { outputs: ['m'] },
    );
    expect(Object.keys(result.outputs)).toEqual(['m']);
  });

  it('reports a 400 from the server with its message', async () => {
    const err = await client
      .infer('double', { x: { datatype: 'BYTES', shape: [1], data: ['a'] } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, message: 'input "x" must be FP32 numbers' });
  });
});

describe('errors', () => {
  it('keeps the status, message and Retry-After of error answers', async () => {
    await expect(client.getJson('/api/too-large')).rejects.toMatchObject({
      status: 413,
      message: 'Photo is larger than 10 MB',
    });
    const busy = (await client.getJson('/api/busy').catch((e: unknown) => e)) as ShipmlApiError;
    expect(busy.status).toBe(503);
    expect(busy.retryAfterSeconds).toBe(2);
    expect(busy.url).toBe(`${baseUrl}/api/busy`);
  });

  it("reads fastify's default error shape and does not echo HTML pages", async () => {
    await expect(client.getJson('/api/echo/fail')).rejects.toMatchObject({
      status: 422,
      message: 'echo failed',
    });
    await expect(client.getJson('/api/html-error')).rejects.toMatchObject({
      status: 502,
      message: '502 Bad Gateway',
    });
    await expect(client.getJson('/api/missing-route')).rejects.toMatchObject({ status: 404 });
  });

  it('rejects a 200 whose body is not JSON', async () => {
    await expect(client.getJson('/api/not-json')).rejects.toMatchObject({ status: 0 });
  });

  it('rejects with an AbortError, not a ShipmlApiError, when the signal fires', async () => {
    const controller = new AbortController();
    const pending = client.getJson('/api/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await pending.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(err).not.toBeInstanceOf(ShipmlApiError);
  });

  it('sends the default headers with every call, letting a call override them', async () => {
    const keyed = createClient({ baseUrl, headers: { 'x-api-key': 'k1' } });
    expect(await keyed.getJson('/api/headers')).toEqual({ apiKey: 'k1' });
    expect(await keyed.getJson('/api/headers', { headers: { 'x-api-key': 'k2' } })).toEqual({
      apiKey: 'k2',
    });
  });
});
