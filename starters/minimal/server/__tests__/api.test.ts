import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';

describe('POST /api/predict', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ webRoot: false });
  });
  afterAll(async () => {
    await app.close();
  });

  const predict = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/predict', payload: payload as object });

  it('runs the model: 100 °C is 212 °F', async () => {
    const res = await predict({ celsius: 100 });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ fahrenheit: number }>().fahrenheit).toBeCloseTo(212, 3);
  });

  it('gives -40 for -40, where the two scales meet', async () => {
    const res = await predict({ celsius: -40 });
    expect(res.json<{ fahrenheit: number }>().fahrenheit).toBeCloseTo(-40, 3);
  });

  it.each([
    ['a string', { celsius: 'hot' }],
    ['no field', {}],
    ['below absolute zero', { celsius: -500 }],
    ['a number instead of an object', 37],
  ])('answers bad input (%s) with 400 and a JSON error', async (_what, body) => {
    const res = await predict(body);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(/celsius|body/);
  });

  it('answers a body of an unknown media type with 415, and broken JSON with 400', async () => {
    const post = (type: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: '/api/predict',
        headers: { 'content-type': type },
        payload,
      });
    const xml = await post('application/xml', '<celsius>37</celsius>');
    expect(xml.statusCode).toBe(415);
    expect(xml.json<{ error: string }>().error).toEqual(expect.any(String));
    const broken = await post('application/json', '{"celsius": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ error: string }>().error).toEqual(expect.any(String));
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await app.inject({ url: '/api/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Route GET /api/nothing not found' });
  });

  it('serves the same model on the Open Inference Protocol route', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v2/models/celsius-to-fahrenheit/infer',
      payload: { inputs: [{ name: 'celsius', datatype: 'FP32', shape: [2, 1], data: [0, 37] }] },
    });
    expect(res.statusCode).toBe(200);
    const [output] = res.json<{ outputs: { name: string; data: number[] }[] }>().outputs;
    expect(output?.name).toBe('fahrenheit');
    expect(output?.data[0]).toBeCloseTo(32, 3);
    expect(output?.data[1]).toBeCloseTo(98.6, 3);
  });
});
