import { defineConfig } from 'vitest/config';

// Unit and API tests: fast, no browser. Browser tests live in e2e/ (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
    // Model sessions start in worker threads: give the first request time to load them.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
