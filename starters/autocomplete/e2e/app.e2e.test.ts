/// <reference lib="dom" />
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

describe('the autocomplete page, in Chromium', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 860 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`suggests ghost text as you type, and Tab accepts it (${name})`, async () => {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(app.url);
      await page.getByText('Model ready').waitFor();

      const editor = page.getByLabel('Your text');
      await editor.fill('');
      await editor.pressSequentially('The whale swam', { delay: 20 });
      const ghost = page.getByTestId('ghost');
      await expect.poll(() => ghost.textContent(), { timeout: 30_000 }).not.toBe('');
      await expect.poll(() => page.getByTestId('stats').textContent()).toMatch(/tokens\/s/);
      await page.getByTestId('next-tokens').locator('li').first().waitFor();
      await page.screenshot({ path: `test-results/autocomplete-${name}.png`, fullPage: true });

      const suggestion = (await ghost.textContent())!;
      await editor.press('Tab');
      expect(await editor.inputValue()).toBe(`The whale swam${suggestion}`);
      // The cursor sits after the accepted text, so typing goes on from there.
      await editor.pressSequentially('!');
      expect(await editor.inputValue()).toBe(`The whale swam${suggestion}!`);
      expect(errors).toEqual([]);
    });
  }

  it('keeps the text a user selects while a suggestion is showing', async () => {
    const { editor } = await typeUntilSuggested('It was a dark');
    // The browser tells the page of a new selection a moment after it is made, and the page may
    // render meanwhile (a suggestion streaming in). Select all the text and, before that news
    // arrives, make the page render (here by choosing 2 alternatives): the selection must
    // survive, so that what the user types next replaces it.
    const selection = await editor.evaluate((area: HTMLTextAreaElement) => {
      area.setSelectionRange(0, area.value.length);
      const alternatives = document.querySelector('select')!;
      alternatives.value = '2';
      alternatives.dispatchEvent(new Event('change', { bubbles: true }));
      return new Promise<[number, number]>((resolve) =>
        requestAnimationFrame(() => resolve([area.selectionStart, area.selectionEnd])),
      );
    });
    expect(selection).toEqual([0, 'It was a dark'.length]);
    await editor.pressSequentially('Night', { delay: 20 });
    expect(await editor.inputValue()).toBe('Night');
  });

  it('dismisses the suggestion with Esc', async () => {
    const { editor, ghost } = await typeUntilSuggested('It was a dark');
    await editor.press('Escape');
    expect(await ghost.textContent()).toBe('');
    expect(await editor.inputValue()).toBe('It was a dark');
  });
});

/** A fresh page with the editor emptied, `text` typed, and a suggestion shown for it. */
async function typeUntilSuggested(text: string) {
  const page = await browser.newPage();
  await page.goto(app.url);
  await page.getByText('Model ready').waitFor();
  const editor = page.getByLabel('Your text');
  await editor.fill('');
  await editor.pressSequentially(text, { delay: 20 });
  const ghost = page.getByTestId('ghost');
  await expect.poll(() => ghost.textContent(), { timeout: 30_000 }).not.toBe('');
  return { editor, ghost };
}
