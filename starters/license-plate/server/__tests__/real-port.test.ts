import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipmlApiError, createClient, postFile } from '@shipml/client';
import { buildApp } from '../app.js';
import type { PlateReading } from '../pipeline/types.js';
import { plateJpeg } from './images.js';

// The same checks as a browser would make them: real sockets, real multipart from fetch/FormData.
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  // Small limits so a burst overflows them: one photo in work, two waiting.
  app = await buildApp({ concurrency: 1, maxQueue: 2, maxUploadBytes: 1024 * 1024 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app?.close());

const photo = async () => new Blob([new Uint8Array(await plateJpeg())], { type: 'image/jpeg' });

describe('over a real port', () => {
  it('reads a photo sent by @shipml/client as multipart and as a raw body', async () => {
    const file = await photo();
    const multipart = await postFile<PlateReading>(`${base}/api/plates`, file);
    expect(multipart.plates[0]?.text).toBe('AB12CDE');
    const raw = await postFile<PlateReading>(`${base}/api/plates`, file, { encoding: 'raw' });
    expect(raw.plates[0]?.text).toBe('AB12CDE');
  });

  it('gives a too-large upload a 413 and keeps serving', async () => {
    const big = new Blob([new Uint8Array(3 * 1024 * 1024)], { type: 'image/jpeg' });
    for (const encoding of ['raw', 'multipart'] as const) {
      const err = await postFile(`${base}/api/plates`, big, { encoding }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ShipmlApiError);
      expect(err).toMatchObject({ status: 413, message: 'Image is larger than the 1 MB limit.' });
    }
    expect(await createClient({ baseUrl: base }).serverReady()).toBe(true);
  });

  /** `shipml_pending_requests{model="plates"}`: photos in work and waiting. */
  async function pendingPlates(): Promise<number> {
    const text = await (await fetch(`${base}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('shipml_pending_requests{model="plates"}'));
    return Number(line?.split(' ').at(-1) ?? NaN);
  }

  it('answers a burst of uploads with readings or 503 + Retry-After, never a crash', async () => {
    const file = await photo();
    const burst = Promise.all(
      Array.from({ length: 24 }, () =>
        postFile<PlateReading>(`${base}/api/plates`, file).then(
          (reading) => ({ status: 200, text: reading.plates[0]?.text, retryAfter: undefined }),
          (err: ShipmlApiError) => ({
            status: err.status,
            text: err.message,
            retryAfter: err.retryAfterSeconds,
          }),
        ),
      ),
    );
    // While it lasts, the app's queue shows in the metric the Kubernetes autoscaler reads.
    await expect
      .poll(() => pendingPlates(), { timeout: 30_000, interval: 50 })
      .toBeGreaterThanOrEqual(2);
    const results = await burst;
    expect(await pendingPlates()).toBe(0);
    const ok = results.filter((r) => r.status === 200);
    const busy = results.filter((r) => r.status === 503);
    expect(ok.length + busy.length).toBe(results.length);
    expect(ok.length).toBeGreaterThanOrEqual(3); // the one in work and the two queued
    expect(busy.length).toBeGreaterThan(0);
    expect(ok.every((r) => r.text === 'AB12CDE')).toBe(true);
    expect(busy[0]).toMatchObject({ retryAfter: 1, text: expect.stringMatching(/busy/) });
    // Still healthy, and reads the next photo.
    expect((await postFile<PlateReading>(`${base}/api/plates`, file)).plates[0]?.text).toBe(
      'AB12CDE',
    );
  });

  it('survives clients that hang up mid-request', async () => {
    const file = await photo();
    const aborted = Array.from({ length: 6 }, () => {
      const controller = new AbortController();
      const pending = postFile(`${base}/api/plates`, file, { signal: controller.signal }).catch(
        (e: unknown) => e,
      );
      setTimeout(() => controller.abort(), 5);
      return pending;
    });
    await Promise.all(aborted);
    // Work the server had already started may still be finishing: a 503 means "retry", as it says.
    const readSoon = async (): Promise<PlateReading> => {
      for (;;) {
        try {
          return await postFile<PlateReading>(`${base}/api/plates`, file);
        } catch (err) {
          if (!(err instanceof ShipmlApiError && err.status === 503)) throw err;
          await new Promise((r) => setTimeout(r, (err.retryAfterSeconds ?? 1) * 1000));
        }
      }
    };
    expect((await readSoon()).plates[0]?.text).toBe('AB12CDE');
  });
});
