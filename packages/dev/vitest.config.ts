import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Chromium and child processes start slowly on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
