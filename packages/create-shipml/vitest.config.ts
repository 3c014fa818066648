import { defineConfig } from 'vitest/config';

// templates/ (copied in at build time) holds the starters' tests: not ours to run.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
