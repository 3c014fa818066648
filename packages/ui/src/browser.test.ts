import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '@shipml/test-utils';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;
let server: Server;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./__tests__/gallery.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
  server = createServer((req, res) => {
    if (req.url === '/app.js') res.setHeader('content-type', 'text/javascript').end(js);
    else if (req.url === '/styles.css') res.setHeader('content-type', 'text/css').end(css);
    else
      res
        .setHeader('content-type', 'text/html')
        .end(
          '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/styles.css"><body style="margin:0"><div id="root"></div><script type="module" src="/app.js"></script>',
        );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 1600 } });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('[data-testid="image-box"]');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const png = (bytes: number) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(bytes - 4)]);

describe('@shipml/ui in Chromium', () => {
  it('renders without runtime errors and looks right (screenshot in test-results/)', async () => {
    expect(errors).toEqual([]);
    const dir = fileURLToPath(new URL('../test-results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}gallery.png`, fullPage: true });
  });

  it('DropZone takes a picked file and previews it with an object URL', async () => {
    await page.setInputFiles('[data-testid="drop-zone-input"]', {
      name: 'car.png',
      mimeType: 'image/png',
      buffer: png(200),
    });
    expect(await page.textContent('#picked')).toBe('car.png:200');
    expect(await page.getAttribute('#preview', 'src')).toMatch(/^blob:/);
  });

  it('DropZone takes a dropped file and a pasted one', async () => {
    const send = (kind: 'drop' | 'paste', name: string) =>
      page.evaluate(
        ([kind, name]) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(64)], name, { type: 'image/png' }));
          if (kind === 'drop') {
            const zone = document.querySelector('[data-testid="drop-zone"]')!;
            zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: data }));
            zone.dispatchEvent(
              new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }),
            );
          } else {
            document.body.dispatchEvent(
              new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }),
            );
          }
        },
        [kind, name] as const,
      );
    await send('drop', 'dropped.png');
    await expect.poll(() => page.textContent('#picked')).toBe('dropped.png:64');
    expect(await page.getAttribute('[data-testid="drop-zone"]', 'class')).not.toContain(
      'sml-drop--over',
    );
    await send('paste', 'pasted.png');
    await expect.poll(() => page.textContent('#picked')).toBe('pasted.png:64');
  });

  it('DropZone refuses other file types and files over the limit, with a reason', async () => {
    await page.setInputFiles('[data-testid="drop-zone-input"]', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    expect(await page.textContent('#rejected')).toContain(
      '“notes.txt” is not a supported file type',
    );
    await page.setInputFiles('[data-testid="drop-zone-input"]', {
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: png(5000),
    });
    expect(await page.textContent('#rejected')).toBe('“huge.png” is 5 KB; the limit is 1000 B.');
    expect(await page.textContent('#picked')).toBe('pasted.png:64');
  });

  it('ImageBoxes says in words that a file cannot be shown, instead of a broken image', async () => {
    await page.waitForSelector('#broken .sml-image__failed');
    expect(await page.textContent('#broken')).toBe(
      'Photo: fake.jpg: this file cannot be shown as a picture.',
    );
    expect(await page.locator('#broken img').count()).toBe(0);
  });

  it('ImageBoxes keeps boxes on their objects when the image is shown smaller', async () => {
    const measure = () =>
      page.evaluate(() => {
        const img = document.querySelector('#boxes-frame img')!.getBoundingClientRect();
        const box = document
          .querySelector('#boxes-frame [data-testid="image-box"]')!
          .getBoundingClientRect();
        // Box position in image pixels (the picture is 400×200), from what is on screen.
        const scale = 400 / img.width;
        return {
          displayedWidth: img.width,
          box: [
            box.left - img.left,
            box.top - img.top,
            box.right - img.left,
            box.bottom - img.top,
          ].map((v) => Math.round(v * scale)),
        };
      });
    const before = await measure();
    await page.click('#shrink');
    await expect
      .poll(async () => (await measure()).displayedWidth)
      .toBeLessThan(before.displayedWidth);
    const after = await measure();
    expect(after.displayedWidth).toBeLessThan(300);
    for (const m of [before, after]) {
      m.box.forEach((v, i) =>
        expect(Math.abs(v - [100, 120, 300, 170][i]!)).toBeLessThanOrEqual(2),
      );
    }
  });
  it('ImageBoxes keeps labels apart and inside the picture, at any displayed size', async () => {
    const labels = () =>
      page.evaluate(() => {
        const img = document.querySelector('#crowded img')!.getBoundingClientRect();
        const rects = [...document.querySelectorAll('#crowded .sml-box__label')].map((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        });
        return {
          img: { left: img.left, top: img.top, right: img.right, bottom: img.bottom },
          rects,
        };
      });
    const check = ({ img, rects }: Awaited<ReturnType<typeof labels>>) => {
      expect(rects).toHaveLength(4);
      rects.forEach((a, i) => {
        expect(a.left).toBeGreaterThanOrEqual(img.left - 0.5);
        expect(a.top).toBeGreaterThanOrEqual(img.top - 0.5);
        expect(a.right).toBeLessThanOrEqual(img.right + 0.5);
        expect(a.bottom).toBeLessThanOrEqual(img.bottom + 0.5);
        for (const b of rects.slice(i + 1)) {
          const apart =
            a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, JSON.stringify([a, b])).toBe(true);
        }
      });
    };
    const width = async () => {
      const { img } = await labels();
      return img.right - img.left;
    };
    const dir = fileURLToPath(new URL('../test-results/', import.meta.url));
    // The test above shrank the pictures (to 224 px boxes); grow them back to 400 px.
    expect(await width()).toBeLessThan(220);
    check(await labels());
    await page.locator('#crowded').screenshot({ path: `${dir}image-boxes-labels-small.png` });
    await page.click('#grow');
    await expect.poll(width).toBeGreaterThan(360);
    check(await labels());
    await page.locator('#crowded').screenshot({ path: `${dir}image-boxes-labels.png` });
  });
});
