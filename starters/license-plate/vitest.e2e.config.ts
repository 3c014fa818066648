import { defineConfig } from 'vitest/config';

// End-to-end: the built app as a child process, driven by Chromium. Run after `build`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
