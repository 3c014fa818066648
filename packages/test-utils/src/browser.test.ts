import { createServer } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { getFreePort, waitForHttp } from './net.js';

describe('launchBrowser', () => {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<title>hello</title><button onclick="this.textContent=\'clicked\'">click me</button>');
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('drives a page served on loopback', async () => {
    const port = await getFreePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    await waitForHttp(`http://127.0.0.1:${port}/`);
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      expect(await page.title()).toBe('hello');
      await page.click('button');
      expect(await page.textContent('button')).toBe('clicked');
    } finally {
      await close();
    }
  }, 60_000);
});
