import { launchBrowser, startApp, type RunningApp } from '@shipml/dev/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';

describe('the page, in Chromium', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    app = await startApp(() => buildApp());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`converts the temperature a user types (${name})`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(app.url);
      await page.getByLabel('Temperature in °C').fill('100');
      await page.getByRole('button', { name: 'Convert' }).click();
      await page.locator('output').waitFor();
      expect(await page.locator('output').textContent()).toBe('212.0 °F');
      await page.screenshot({ path: `test-results/convert-${name}.png`, fullPage: true });
    });
  }

  it('shows the API error when the model cannot take the input', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Temperature in °C').fill('-500');
    await page.getByRole('button', { name: 'Convert' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/celsius/);
  });
});
