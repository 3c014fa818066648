import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

/**
 * Unit and API tests: `server/**` and `web/**` tests, no browser. Timeouts leave room for
 * model sessions to load in worker threads on a small machine. `overrides` are merged in.
 */
export function unitTestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
      },
    }),
    overrides,
  );
}

/**
 * Browser tests in `e2e/`: `e2e/global-setup.ts` builds the app once, each test starts the
 * server and Chromium; files run one at a time (they share the CPU with the server).
 */
export function e2eTestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['e2e/**/*.e2e.test.ts'],
        globalSetup: ['e2e/global-setup.ts'],
        testTimeout: 90_000,
        hookTimeout: 180_000,
        fileParallelism: false,
      },
    }),
    overrides,
  );
}
