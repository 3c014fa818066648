import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts'],
    // Loading the OCR models takes a few seconds on a small machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
