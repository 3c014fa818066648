import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot, builtWebRoot, serveWebApp } from './web.js';

const root = mkdtempSync(join(tmpdir(), 'serve-web-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, 'package.json'), '{}');
mkdirSync(join(root, 'dist/server'), { recursive: true });
mkdirSync(join(root, 'dist/web/assets'), { recursive: true });
writeFileSync(join(root, 'dist/web/index.html'), '<div id="root"></div>');
writeFileSync(join(root, 'dist/web/assets/app-1234.js'), 'console.log(1)');

describe('appRoot', () => {
  it('finds the folder of the nearest package.json, from source and from the build', () => {
    expect(appRoot(pathToFileURL(join(root, 'dist/server/main.js')))).toBe(root);
    expect(appRoot(pathToFileURL(join(root, 'server/main.ts')).href)).toBe(root);
  });

  it('finds the built page only once it exists', () => {
    expect(builtWebRoot(root)).toBe(join(root, 'dist/web'));
    expect(builtWebRoot(join(root, 'dist'))).toBeUndefined();
  });
});

describe('serveWebApp', () => {
  it('serves the page, its assets for good, page URLs as index.html and API misses as JSON 404', async () => {
    const app = Fastify();
    await serveWebApp(app, builtWebRoot(root));
    const html = { accept: 'text/html' };
    const index = await app.inject({ url: '/', headers: html });
    expect(index.body).toContain('<div id="root">');
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject('/assets/app-1234.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    const page = await app.inject({ url: '/history/42', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const api = await app.inject({ url: '/api/nothing', headers: html });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: 'Route GET /api/nothing not found' });
    await app.close();
  });

  it('answers every unknown route with a JSON 404 when there is no page', async () => {
    const app = Fastify();
    await serveWebApp(app, undefined);
    const res = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Route GET / not found' });
    await app.close();
  });
});
