import react from '@vitejs/plugin-react';
import { defineConfig, mergeConfig, type UserConfig } from 'vite';

/**
 * Vite settings every shipml app shares: the React page lives in `web/` and builds to
 * `dist/web`, which the server serves at `/`. `overrides` are merged in.
 */
export function webAppConfig(overrides: UserConfig = {}): UserConfig {
  return mergeConfig(
    defineConfig({
      root: 'web',
      plugins: [react()],
      build: { outDir: '../dist/web', emptyOutDir: true },
    }),
    overrides,
  );
}
