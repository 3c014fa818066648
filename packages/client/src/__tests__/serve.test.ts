// The client against the real @shipml/serve: an ONNX model and a streaming pipeline, on loopback.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affineModel, makeTempDir, nextTokenModel } from '@shipml/test-utils';
import { createServer } from '@shipml/serve';
import { createClient, type ShipmlClient } from '../client.js';
import { ShipmlApiError } from '../errors.js';

const dir = makeTempDir('shipml-client-');
const serveRoot = dirname(createRequire(import.meta.url).resolve('@shipml/serve/package.json'));
let app: FastifyInstance;
let client: ShipmlClient;

beforeAll(async () => {
  const affine = join(dir.path, 'affine.onnx');
  writeFileSync(affine, affineModel(3));
  const nextToken = join(dir.path, 'next-token.onnx');
  writeFileSync(nextToken, nextTokenModel(27));
  app = await createServer({
    models: [
      { name: 'affine', backend: 'onnx', path: affine },
      {
        name: 'alphabet',
        backend: 'pipeline',
        path: join(serveRoot, 'examples', 'alphabet-pipeline.mjs'),
        options: { modelPath: nextToken },
      },
    ],
  });
  client = createClient({ baseUrl: await app.listen({ port: 0, host: '127.0.0.1' }) });
}, 60_000);
afterAll(async () => {
  await app?.close();
  dir.remove();
});

describe('@shipml/client against @shipml/serve', () => {
  it('sees the server ready and reads model metadata', async () => {
    expect(await client.serverLive()).toBe(true);
    expect(await client.serverReady()).toBe(true);
    expect(await client.modelReady('affine')).toBe(true);
    const meta = await client.modelMetadata('affine');
    expect(meta.inputs).toEqual([{ name: 'x', datatype: 'FP32', shape: [-1, 3] }]);
    expect(meta.outputs.map((o) => o.name).sort()).toEqual(['sum', 'y']);
  });

  it('runs an ONNX model from typed arrays: y = 2x + 1', async () => {
    const { outputs, response } = await client.infer('affine', {
      x: { datatype: 'FP32', shape: [2, 3], data: new Float32Array([0, 1, 2, 3, 4, 5]) },
    });
    expect(response.model_name).toBe('affine');
    expect(outputs.y?.shape).toEqual([2, 3]);
    expect(Array.from(outputs.y!.data as Float32Array)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(Array.from(outputs.sum!.data as Float32Array)).toEqual([9, 27]);
  });

  it("surfaces the server's 400 and 404 as ShipmlApiError with its message", async () => {
    const wrongShape = await client
      .infer('affine', { x: { datatype: 'FP32', shape: [1, 2], data: [1, 2] } })
      .catch((e: unknown) => e);
    expect(wrongShape).toBeInstanceOf(ShipmlApiError);
    expect((wrongShape as ShipmlApiError).status).toBe(400);
    expect((wrongShape as ShipmlApiError).message).toMatch(/shape|dimension/i);
    await expect(client.modelMetadata('missing')).rejects.toMatchObject({ status: 404 });
  });

  it('streams generated tokens over Server-Sent Events', async () => {
    const tokens: string[] = [];
    for await (const event of client.generateStream<{ text_output: string }>('alphabet', {
      text_input: 'u',
    })) {
      tokens.push(event.text_output);
    }
    expect(tokens.join('')).toBe('vwxyz');
  });
});
