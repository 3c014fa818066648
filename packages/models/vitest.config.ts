import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CLI and concurrency tests start real node processes; a busy 2-core CI box is slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
