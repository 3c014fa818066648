import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { PlateReading } from '../pipeline/types.js';
import { blankPng, multipart, noPlateJpeg, plateJpeg, pngHeaderOnly } from './images.js';

// One app for the file: loading the two OCR models takes a few seconds.
let app: FastifyInstance;
const web = mkdtempSync(join(tmpdir(), 'plates-web-')); // a stand-in for the built web app
const MAX_UPLOAD = 512 * 1024;

beforeAll(async () => {
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Plate reader</title>');
  writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
  app = await buildApp({ maxUploadBytes: MAX_UPLOAD, webRoot: web });
});
afterAll(async () => {
  await app?.close();
  rmSync(web, { recursive: true, force: true });
});

const postRaw = (payload: Buffer | string, contentType: string, url = '/api/plates') =>
  app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });
const postForm = (parts: Parameters<typeof multipart>[0], url = '/api/plates') => {
  const { payload, headers } = multipart(parts);
  return app.inject({ method: 'POST', url, headers, payload });
};

describe('POST /api/plates reads the plate', () => {
  it('from a multipart upload (field "image"), with box, confidence and timings', async () => {
    const jpeg = await plateJpeg();
    const res = await postForm([
      { name: 'image', filename: 'car.jpg', type: 'image/jpeg', data: jpeg },
    ]);
    expect(res.statusCode).toBe(200);
    const reading = res.json<PlateReading>();
    expect(reading.plates[0]?.text).toBe('AB12CDE');
    expect(reading.plates[0]?.confidence).toBeGreaterThan(0.5);
    // The plate is drawn around (292..508, 338..384) on the 800×600 render.
    const [x1, y1, x2, y2] = reading.plates[0]!.box;
    expect(x1).toBeGreaterThan(270);
    expect(x2).toBeLessThan(530);
    expect(y1).toBeGreaterThan(320);
    expect(y2).toBeLessThan(400);
    expect(Object.keys(reading.timingsMs)).toEqual(
      expect.arrayContaining(['decode', 'detect', 'recognize', 'total']),
    );
  });

  it.each([
    ['image/jpeg', 'jpeg'],
    ['image/png', 'png'],
    ['image/webp', 'webp'],
    ['application/octet-stream', 'jpeg'],
  ] as const)('from a raw %s body', async (contentType, format) => {
    const res = await postRaw(await plateJpeg({ plate: 'KX70 LMN' }, format), contentType);
    expect(res.statusCode).toBe(200);
    expect(res.json<PlateReading>().plates[0]?.text).toBe('KX70LMN');
  });

  it('answers 200 with an empty list when there is no plate', async () => {
    const res = await postRaw(await noPlateJpeg(), 'image/jpeg');
    expect(res.statusCode).toBe(200);
    expect(res.json<PlateReading>().plates).toEqual([]);
    // Nothing on the photo said where a plate is from, and the answer says so.
    expect(res.json<PlateReading>().region).toMatchObject({ from: 'photo', evidence: 'none' });
  });
});

describe('POST /api/plates reads with a region’s plate formats', () => {
  it('chooses the region from the photo by default, and names the state it read', async () => {
    const photo = await plateJpeg({ plate: '7ABC123', style: 'us', region: 'Arizona' });
    const res = await postRaw(photo, 'image/jpeg');
    expect(res.statusCode).toBe(200);
    const reading = res.json<PlateReading>();
    expect(reading.plates[0]?.text).toBe('7ABC123');
    expect(reading.region).toEqual({
      id: 'us',
      name: 'United States',
      state: 'Arizona',
      from: 'photo',
      evidence: 'words',
    });
  });

  it('obeys ?region= and a "region" form field, and says the setting chose it', async () => {
    const photo = await plateJpeg();
    const query = await postRaw(photo, 'image/jpeg', '/api/plates?region=eu');
    expect(query.json<PlateReading>().region).toEqual({
      id: 'eu',
      name: 'Europe',
      from: 'setting',
    });
    // The field may come after the file, as `curl -F image=@car.jpg -F region=br` sends it.
    const form = await postForm([
      { name: 'image', filename: 'car.jpg', type: 'image/jpeg', data: photo },
      { name: 'region', data: 'br' },
    ]);
    expect(form.statusCode).toBe(200);
    expect(form.json<PlateReading>().region).toMatchObject({ id: 'br', from: 'setting' });
    const auto = await postRaw(photo, 'image/jpeg', '/api/plates?region=auto');
    expect(auto.json<PlateReading>().region?.from).toBe('photo');
  });

  it('400 for an unknown or a conflicting region, naming the allowed values', async () => {
    const res = await postRaw(await plateJpeg(), 'image/jpeg', '/api/plates?region=uk');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Unknown region "uk". Use one of: auto, eu, us, br.' });
    const form = await postForm([
      { name: 'region', data: 'mars' },
      { name: 'image', filename: 'car.jpg', type: 'image/jpeg', data: await plateJpeg() },
    ]);
    expect(form.statusCode).toBe(400);
    expect(form.json().error).toMatch(/Unknown region "mars"\. Use one of: auto, eu, us, br/);
    const both = await postForm(
      [
        { name: 'image', filename: 'car.jpg', type: 'image/jpeg', data: await plateJpeg() },
        { name: 'region', data: 'us' },
      ],
      '/api/plates?region=eu',
    );
    expect(both.statusCode).toBe(400);
    expect(both.json().error).toMatch(/region=eu but the form says us/);
  });
});

describe('POST /api/plates refuses bad input with a clear JSON error', () => {
  it('415 for bytes that are not an image', async () => {
    const res = await postRaw('definitely not a photo', 'image/jpeg');
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatch(/not an image.*JPEG, PNG or WebP/);
    const form = await postForm([
      { name: 'image', filename: 'notes.txt', type: 'text/plain', data: 'hello' },
    ]);
    expect(form.statusCode).toBe(415);
  });

  it('415 for a body that is not an upload at all', async () => {
    const res = await postRaw('{"image":"…"}', 'application/json');
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatch(
      /Unsupported content type "application\/json".*multipart\/form-data/,
    );
    const none = await app.inject({
      method: 'POST',
      url: '/api/plates',
      payload: 'x',
      headers: { 'content-type': '' },
    });
    expect(none.statusCode).toBe(415);
  });

  it('413 past the size limit, raw or multipart', async () => {
    const big = Buffer.alloc(MAX_UPLOAD + 1, 1);
    const raw = await postRaw(big, 'image/jpeg');
    expect(raw.statusCode).toBe(413);
    expect(raw.json()).toEqual({ error: 'Image is larger than the 0.5 MB limit.' });
    const form = await postForm([
      { name: 'image', filename: 'big.jpg', type: 'image/jpeg', data: big },
    ]);
    expect(form.statusCode).toBe(413);
    expect(form.json().error).toBe('Image is larger than the 0.5 MB limit.');
  });

  it('400 for absurd dimensions and for a decompression bomb, without decoding them', async () => {
    const header = await postRaw(pngHeaderOnly(100_000, 100_000), 'image/png');
    expect(header.statusCode).toBe(400);
    expect(header.json().error).toMatch(/100000×100000 pixels; the limit is/);

    const bomb = blankPng(8000, 8000); // 64 MP in a small file
    expect(bomb.length).toBeLessThan(MAX_UPLOAD);
    const before = process.memoryUsage().rss;
    const res = await postRaw(bomb, 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/8000×8000 pixels/);
    // Decoding it would take 64 MB of pixels (192 MB as RGB); refusing it takes next to nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('400 for a truncated photo', async () => {
    const jpeg = await plateJpeg();
    const res = await postRaw(jpeg.subarray(0, Math.floor(jpeg.length / 3)), 'image/jpeg');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/Could not decode the image/);
  });

  it('400 when the file is missing, misnamed or empty', async () => {
    const noFile = await postForm([{ name: 'note', data: 'just text' }]);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toMatch(/no file; put the photo in the "image" field/);
    const misnamed = await postForm([
      { name: 'photo', filename: 'car.jpg', type: 'image/jpeg', data: await plateJpeg() },
    ]);
    expect(misnamed.statusCode).toBe(400);
    expect(misnamed.json().error).toMatch(/field "photo"; send it as "image"/);
    const empty = await postRaw(Buffer.alloc(0), 'image/jpeg');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatch(/body is empty/);
  });

  it('400 for a malformed multipart body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/plates',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
      payload:
        '--abc\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\n\r\nunterminated',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual(expect.any(String));
  });
});

describe('the rest of the app', () => {
  it('lists sample photos, and each one reads as its plate', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/samples' });
    const { samples } = list.json<{ samples: { id: string; label: string; url: string }[] }>();
    expect(samples.length).toBeGreaterThanOrEqual(3);
    const sample = await app.inject({ method: 'GET', url: samples[1]!.url });
    expect(sample.headers['content-type']).toBe('image/jpeg');
    const res = await postRaw(sample.rawPayload, 'image/jpeg');
    expect(res.json<PlateReading>().plates[0]?.text).toBe('AB12CDE');
    expect((await app.inject({ method: 'GET', url: '/api/samples/nope.jpg' })).statusCode).toBe(
      404,
    );
  });

  it('documents POST /api/plates at /docs: both upload forms, the region, every answer', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const op = res.json().paths['/api/plates'].post;
    expect(op.summary).toBe('Read the licence plates on a photo');
    expect(op.tags).toEqual(['plates']);
    const content = op.requestBody.content;
    expect(Object.keys(content)).toEqual(
      expect.arrayContaining(['multipart/form-data', 'image/jpeg', 'application/octet-stream']),
    );
    expect(content['multipart/form-data'].schema.properties.image).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    expect(content['multipart/form-data'].schema.properties.region.enum).toEqual([
      'auto',
      'eu',
      'us',
      'br',
    ]);
    expect(content['image/jpeg'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(op.parameters).toEqual([
      expect.objectContaining({ in: 'query', name: 'region', required: false }),
    ]);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '413', '415', '500', '503']);
    const answer = op.responses['200'].content['application/json'].schema;
    expect(answer.properties.region.properties.from.enum).toEqual(['setting', 'photo']);
    expect(answer.properties.region.properties.evidence.enum).toEqual([
      'words',
      'band',
      'layout',
      'none',
    ]);
    expect(op.responses['503'].headers['retry-after']).toBeDefined();
  });

  it('serves both models on the V2 routes', async () => {
    expect((await app.inject({ method: 'GET', url: '/v2/health/ready' })).statusCode).toBe(200);
    for (const name of ['ppocr-det', 'ppocr-rec']) {
      const meta = await app.inject({ method: 'GET', url: `/v2/models/${name}` });
      expect(meta.statusCode).toBe(200);
      expect(meta.json().inputs[0]).toMatchObject({ name: 'x', datatype: 'FP32' });
    }
  });

  it('serves the web app, with page URLs falling back to it and API URLs as JSON 404s', async () => {
    const page = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(page.body).toContain('<title>Plate reader</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const deepLink = await app.inject({
      method: 'GET',
      url: '/history/3',
      headers: { accept: 'text/html' },
    });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.body).toContain('<title>Plate reader</title>');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await app.inject({
      method: 'GET',
      url: '/api/nothing',
      headers: { accept: 'text/html' },
    });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: 'Route GET /api/nothing not found' });
  });
});
