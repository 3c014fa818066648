import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Path of the Chromium binary the browser tests drive (Debian's package; playwright cannot download one offline). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it (`apt-get install -y chromium`) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export interface LaunchedBrowser {
  browser: Browser;
  /** Closes the browser (playwright removes its throw-away profile). */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with no background network traffic. Playwright gives every
 * launch a fresh, temporary profile directory.
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
