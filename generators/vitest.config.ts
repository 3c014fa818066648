import { defineConfig } from 'vitest/config';

// Only this package's own tests: recipes/ and shared/ hold the starters' tests as templates.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
