import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { getFreePort, waitForHttp } from './ports.js';
import { startProduction } from './production.js';

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
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      expect(await page.title()).toBe('hello');
      await page.click('button');
      expect(await page.textContent('button')).toBe('clicked');
    } finally {
      await browser.close();
    }
  });
});

describe('startProduction', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  // A stand-in for a built app: dist/server/main.js answering ready on PORT, exiting 0 on SIGTERM.
  function fakeApp(main: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'shipml-dev-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'dist/server'), { recursive: true });
    writeFileSync(join(dir, 'dist/server/main.js'), main);
    return dir;
  }

  it('waits for ready, then reports the exit code after SIGTERM', async () => {
    const root = fakeApp(`
      import { createServer } from 'node:http';
      const s = createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), process.env.HOST);
      process.on('SIGTERM', () => s.close(() => process.exit(0)));
    `);
    const server = await startProduction(root);
    expect(await (await fetch(`${server.url}/v2/health/ready`)).text()).toBe('ok');
    expect(await server.stop()).toBe(0);
  });

  it('fails at once, with the output, when the server exits before it is ready', async () => {
    const root = fakeApp(`console.error('cannot load the model'); process.exit(3);`);
    await expect(startProduction(root)).rejects.toThrow(/exited with 3:\s+cannot load the model/);
  });
});
