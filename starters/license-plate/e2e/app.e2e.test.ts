import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlateScene } from '../server/samples/plate-scene.js';
import { launchBrowser, startApp, type RunningApp } from '@shipml/dev/e2e';
import { buildApp } from '../server/app.js';

const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
let app: RunningApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

// Loading and warming up the two OCR models takes a while on a small machine: generous limits.
beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  app = await startApp(() => buildApp());
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(app.url);
  await page.getByText('Models ready').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const plateText = () => page.getByTestId('results').getByTestId('plate-text').first().textContent();

describe('the plate reader in Chromium, on the built page', { timeout: 120_000 }, () => {
  it('reads an uploaded photo: plate text, box on the photo, confidence and latency', async () => {
    const photo = await renderPlateScene({
      plate: 'LR68 ZKP',
      style: 'uk',
      light: 'dusk',
      tiltDeg: 2,
    });
    await page
      .getByTestId('drop-zone-input')
      .setInputFiles({ name: 'my-car.jpg', mimeType: 'image/jpeg', buffer: photo });

    await page.getByTestId('results').waitFor({ timeout: 60_000 });
    expect(await plateText()).toBe('LR68ZKP');
    await expect.poll(() => page.getByTestId('image-box').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('meter').first().getAttribute('aria-valuenow')).toMatch(/^\d+$/);
    // "285 ms latency", or "1.2 s latency" on a busy machine.
    expect(await page.getByTestId('results').textContent()).toMatch(/\d+(\.\d+)? m?s latency/);

    const screenshot = `${resultsDir}license-plate-upload.png`;
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
  });

  it('draws the box on the plate for a big phone-sized photo (scaled down before upload)', async () => {
    // 3200×2400: bigger than the 2048 px the server reads at. The plate spans x 39.8%–60.8%.
    const photo = await renderPlateScene({ plate: 'YD21 PRM', style: 'uk', width: 3200 });
    await page
      .getByTestId('drop-zone-input')
      .setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(plateText, { timeout: 60_000 }).toBe('YD21PRM');
    const box = await page.evaluate<{ left: number; right: number }>(`(() => {
      const img = document.querySelector('.sml-image__img').getBoundingClientRect();
      const box = document.querySelector('[data-testid="image-box"]').getBoundingClientRect();
      return { left: (box.left - img.left) / img.width, right: (box.right - img.left) / img.width };
    })()`);
    expect(box.left).toBeGreaterThan(0.36);
    expect(box.left).toBeLessThan(0.44);
    expect(box.right).toBeGreaterThan(0.56);
    expect(box.right).toBeLessThan(0.64);
  });

  it('reads a sample photo with one click and lists every photo under Recent', async () => {
    await page.getByRole('button', { name: /German plate/ }).click();
    await expect.poll(plateText, { timeout: 60_000 }).toBe('BMW2024');
    const recent = page.getByRole('region', { name: 'Recent' }).getByRole('listitem');
    await expect.poll(() => recent.count()).toBe(3);
    expect(await recent.first().textContent()).toContain('BMW2024');

    // Clicking an older one shows it again, without asking the server.
    await recent.nth(2).click();
    await expect.poll(plateText).toBe('LR68ZKP');
  });

  it('shows the server’s reason when a file is not really an image', async () => {
    await page.getByTestId('drop-zone-input').setInputFiles({
      name: 'fake.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('this is text, not a photo'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/not an image.*JPEG, PNG or WebP/);
    expect(pageErrors).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(app.url);
    await phone.getByText('Models ready').waitFor();
    const overflow = await phone.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const screenshot = `${resultsDir}license-plate-phone.png`;
    await phone.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
    await phone.close();
  });
});
