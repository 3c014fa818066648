import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './__tests__/test-server.js';
import { postFile } from './api.js';

let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  ({ app, baseUrl } = await startTestServer());
});
afterAll(() => app.close());

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('postFile', () => {
  it('uploads a File as multipart under the "image" field by default', async () => {
    const file = new File([png], 'car.png', { type: 'image/png' });
    const answer = await postFile(`${baseUrl}/api/upload`, file);
    expect(answer).toEqual({
      encoding: 'multipart',
      field: 'image',
      filename: 'car.png',
      type: 'image/png',
      size: png.length,
      first: 0x89,
    });
  });

  it('names a plain Blob and honours a custom field', async () => {
    const answer = await postFile(`${baseUrl}/api/upload`, new Blob([png], { type: 'image/png' }), {
      field: 'photo',
    });
    expect(answer).toMatchObject({ field: 'photo', filename: 'upload', size: png.length });
  });

  it('sends the raw bytes with their content type', async () => {
    const answer = await postFile(`${baseUrl}/api/upload`, new Blob([png], { type: 'image/png' }), {
      encoding: 'raw',
    });
    expect(answer).toEqual({ encoding: 'raw', type: 'image/png', size: png.length, first: 0x89 });
    const untyped = await postFile(`${baseUrl}/api/upload`, new Blob([png]), { encoding: 'raw' });
    expect(untyped).toMatchObject({ type: 'application/octet-stream' });
  });

  it('surfaces the server limit as a 413 ShipmlApiError', async () => {
    const big = new Blob([new Uint8Array(2 * 1024 * 1024)], { type: 'image/png' });
    await expect(postFile(`${baseUrl}/api/upload`, big)).rejects.toMatchObject({
      name: 'ShipmlApiError',
      status: 413,
    });
  });
});
