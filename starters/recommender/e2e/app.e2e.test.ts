import { mkdirSync } from 'node:fs';
import { launchBrowser, startApp, type RunningApp } from '@shipml/dev/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  app = await startApp(() => buildApp());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the recommender page, in Chromium', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 860 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`updates the recommendations as you rate three movies, and maps them (${name})`, async () => {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(app.url);
      await page.getByText('Model ready').waitFor();

      const recs = page.getByTestId('recommendations');
      const titles = () => recs.locator('.movie__title').allTextContents();
      await recs.locator('li').first().waitFor();
      expect(await page.getByRole('heading', { name: 'Popular movies' }).count()).toBe(1);
      const popular = await titles();

      const search = page.getByLabel('Search movies');
      for (const [title, stars] of [
        ['Die Hard', '5 stars'],
        ['Aliens', '5 stars'],
        ['Notting Hill', '1 star'],
      ] as const) {
        await search.fill(title);
        const row = page
          .getByTestId('search-results')
          .locator('li', { has: page.getByRole('button', { name: new RegExp(`^${title} \\(`) }) })
          .first();
        await row.getByRole('button', { name: stars, exact: true }).click();
      }
      await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
      await expect.poll(titles).not.toEqual(popular);
      expect(await page.getByTestId('your-ratings').locator('li').count()).toBe(3);
      // At least one pick says which of your movies it comes from.
      await expect.poll(() => recs.textContent()).toMatch(/Because you liked (Die Hard|Aliens)/);

      // Similar movies for a clicked title.
      await recs.locator('.movie__title').first().click();
      await page.getByTestId('similar').locator('li').first().waitFor();

      // The map: hovering a dot names its movie.
      await page.getByRole('button', { name: 'Open the map of movies' }).click();
      const map = page.getByTestId('movie-map');
      await map.locator('circle').nth(100).waitFor();
      expect(await map.locator('.map__rated').count()).toBe(3);
      await map.locator('.map__recommended').first().hover({ force: true });
      await expect.poll(() => page.getByTestId('map-label').textContent()).toMatch(/ratings$/);
      await page.screenshot({ path: `test-results/recommender-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  }

  it('keeps your ratings after a reload, and Clear brings back the popular movies', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByText('Model ready').waitFor();
    await page.getByLabel('Search movies').fill('Toy Story');
    await page
      .getByTestId('search-results')
      .locator('li')
      .first()
      .getByRole('button', { name: '4 stars', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('heading', { name: 'Popular movies' }).waitFor();
  });
});
