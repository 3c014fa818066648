import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, type RunningApp } from './harness.js';

describe('the page, in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('converts the temperature a user types', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Temperature in °C').fill('100');
    await page.getByRole('button', { name: 'Convert' }).click();
    await page.locator('output').waitFor();
    expect(await page.locator('output').textContent()).toBe('212.0 °F');
    await page.screenshot({ path: 'test-results/convert.png' });
  });

  it('shows the API error when the model cannot take the input', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Temperature in °C').fill('-500');
    await page.getByRole('button', { name: 'Convert' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/celsius/);
  });
});
