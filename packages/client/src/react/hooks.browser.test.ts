import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '@shipml/test-utils';
import { startTestServer } from '../__tests__/test-server.js';

let app: FastifyInstance;
let baseUrl: string;
let closedStreams: () => number;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Awaited<ReturnType<typeof browser.newPage>>;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../__tests__/hooks-app.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  ({ app, baseUrl, closedStreams } = await startTestServer((server) => {
    server.get('/', async (_req, reply) =>
      reply
        .type('text/html')
        .send('<!doctype html><div id="root"></div><script type="module" src="/app.js"></script>'),
    );
    server.get('/app.js', async (_req, reply) => reply.type('text/javascript').send(js));
  }));
  browser = await launchBrowser();
  page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(baseUrl);
  await page.waitForSelector('#upload');
  expect(errors).toEqual([]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const text = (selector: string) => page.textContent(selector);

describe('React hooks in Chromium', () => {
  it('useUpload posts the picked file and renders the answer', async () => {
    expect(await text('#upload')).toBe('idle:');
    await page.setInputFiles('#file', {
      name: 'plate.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    });
    await expect.poll(() => text('#upload')).toBe('success:plate.png/7');
  });

  it('useMutation shows the latest call, not a slower earlier one', async () => {
    await page.click('#race');
    await expect.poll(() => text('#echo')).toBe('success:fast:');
    // The aborted slow call would have finished by now; the page must still show the fast one.
    await page.waitForTimeout(600);
    expect(await text('#echo')).toBe('success:fast:');
  });

  it("useMutation shows the server's error message", async () => {
    await page.click('#fail');
    await expect.poll(() => text('#echo')).toBe('error::echo failed');
  });

  it('useGenerateStream renders tokens as they arrive and stops on abort', async () => {
    await page.click('#gen');
    await expect.poll(() => text('#gen-status')).toBe('success');
    expect(await text('#gen-out')).toBe('tok0,tok1,tok2');

    const before = closedStreams();
    await page.click('#gen-long');
    await expect.poll(() => text('#gen-out'), { timeout: 10_000 }).toMatch(/^tok0,tok1,tok2/);
    await page.click('#gen-stop');
    await expect.poll(() => text('#gen-status')).toBe('idle');
    await expect.poll(() => closedStreams(), { timeout: 10_000 }).toBe(before + 1);
  });
});
