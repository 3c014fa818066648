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

/** Every pair of box labels on the photo that overlap, and labels sticking out of the photo. */
const labelClashes = (on: Page) =>
  on.evaluate<string[]>(`(() => {
    const img = document.querySelector('.sml-image__img').getBoundingClientRect();
    const labels = [...document.querySelectorAll('.sml-box__label')].map((el) => [el.textContent, el.getBoundingClientRect()]);
    const clashes = [];
    labels.forEach(([name, a], i) => {
      if (a.left < img.left - 0.5 || a.top < img.top - 0.5 || a.right > img.right + 0.5 || a.bottom > img.bottom + 0.5)
        clashes.push(name + ' sticks out');
      for (const [other, b] of labels.slice(i + 1))
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          clashes.push(name + ' covers ' + other);
    });
    return clashes;
  })()`);

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
    expect(await page.getByTestId('region-line').textContent()).toBe(
      "Read as Europe, guessed from the plate's layout",
    );
    expect(await labelClashes(page)).toEqual([]);

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

  it('reads the photo again as another region when the picker changes', async () => {
    const recent = page.getByRole('region', { name: 'Recent' }).getByRole('listitem');
    const before = await recent.count();
    await page.getByTestId('region-picker').selectOption('us');
    await expect
      .poll(() => page.getByTestId('region-line').textContent(), { timeout: 60_000 })
      .toBe('Read as United States, as set');
    // Read again, as a new photo in the list (US formats may read this UK plate differently).
    expect(await recent.count()).toBe(before + 1);
    await page.getByTestId('region-picker').selectOption('auto');
    await expect
      .poll(() => page.getByTestId('region-line').textContent(), { timeout: 60_000 })
      .toBe("Read as Europe, guessed from the plate's layout");
    expect(await plateText()).toBe('LR68ZKP');
    const screenshot = `${resultsDir}license-plate-region.png`;
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
  });

  it('says when nothing on the photo shows where the plate is from', async () => {
    // A personalised plate: its text fits no region's listed formats.
    const photo = await renderPlateScene({ plate: 'LUVMYCAR', style: 'uk' });
    await page
      .getByTestId('drop-zone-input')
      .setInputFiles({ name: 'vanity.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(plateText, { timeout: 60_000 }).toBe('LUVMYCAR');
    expect(await page.getByTestId('region-line').textContent()).toBe(
      'Read as Europe, a guess: nothing on the photo said where the plate is from',
    );
    const screenshot = `${resultsDir}license-plate-vanity.png`;
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
  });

  it('remembers the region picked, on the next visit in the same browser', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const visit = await context.newPage();
    await visit.goto(app.url);
    await visit.getByText('Models ready').waitFor();
    const picker = visit.getByTestId('region-picker');
    expect(await picker.inputValue()).toBe('auto');
    await picker.selectOption('us');
    await visit.reload();
    await visit.getByText('Models ready').waitFor();
    expect(await picker.inputValue()).toBe('us');
    await context.close();
  });

  it('says once, clearly, that a file is not an image, and shows no broken picture', async () => {
    await page.getByTestId('drop-zone-input').setInputFiles({
      name: 'fake.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('this is text, not a photo'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const message = (await alert.textContent()) ?? '';
    expect(message).toMatch(/not an image.*JPEG, PNG or WebP/);
    expect(message.match(/JPEG, PNG or WebP/g)).toHaveLength(1);
    // Neither the file (it cannot be shown) nor the previous photo's answer is on the page.
    expect(await page.locator('.sml-image').count()).toBe(0);
    expect(await page.getByTestId('results').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    const screenshot = `${resultsDir}license-plate-not-an-image.png`;
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(app.url);
    await phone.getByText('Models ready').waitFor();
    const overflow = () =>
      phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `${resultsDir}license-plate-phone.png`, fullPage: true });

    // An Arizona plate, region auto: the answer, with the state, comes first, above the fold.
    const photo = await renderPlateScene({ plate: '7ABC123', style: 'us', region: 'Arizona' });
    await phone
      .getByTestId('drop-zone-input')
      .setInputFiles({ name: 'arizona.jpg', mimeType: 'image/jpeg', buffer: photo });
    const results = phone.getByTestId('results');
    await results.waitFor({ timeout: 60_000 });
    expect(await results.getByTestId('plate-text').first().textContent()).toBe('7ABC123');
    expect(await phone.getByTestId('region-line').textContent()).toBe(
      'Read as United States — Arizona, chosen from the photo',
    );
    const meter = await phone.getByRole('meter').first().boundingBox();
    expect(meter!.y + meter!.height).toBeLessThan(844);
    const photoBox = await phone.locator('.sml-image').boundingBox();
    expect(meter!.y).toBeLessThan(photoBox!.y);
    // The compact drop zone keeps its hint readable: lines, not a word per line.
    const hint = await phone.locator('.sml-drop__hint').boundingBox();
    expect(hint!.width).toBeGreaterThan(200);
    expect(await labelClashes(phone)).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const answered = `${resultsDir}license-plate-phone-answer.png`;
    await phone.screenshot({ path: answered, fullPage: true });
    console.log(`screenshot: ${answered}`);

    // A file that is not an image: one message, at the top, no broken picture.
    await phone.getByTestId('drop-zone-input').setInputFiles({
      name: 'fake.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('not a photo'),
    });
    const alert = phone.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect((await alert.boundingBox())!.y).toBeLessThan(400);
    expect(await phone.locator('.sml-image').count()).toBe(0);
    await phone.screenshot({ path: `${resultsDir}license-plate-phone-error.png` });
    await phone.close();
  });
});
