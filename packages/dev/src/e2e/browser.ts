import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The system's Chromium (playwright-core does not download browsers): `CHROMIUM_PATH`, else
 * Debian's `/usr/bin/chromium`, else `/usr/bin/chromium-browser`.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) {
    throw new Error(
      'Chromium not found: install it (`apt-get install -y chromium`) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

// No background traffic (update checks, sync, QUIC probes): tests talk to loopback only.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; playwright gives every launch a fresh throw-away profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
}
