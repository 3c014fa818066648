import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Model loads, worker threads and real ports: generous limits on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['src/**/*.test.ts'],
  },
});
