import { startProduction } from '@shipml/dev/e2e';
import { describe, expect, it } from 'vitest';

describe('`start` (node dist/server/main.js), as a deployment runs it', () => {
  it('serves the API and the built page on PORT, then drains and exits 0 on SIGTERM', async () => {
    const server = await startProduction();
    try {
      const page = await fetch(server.url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });
});
