import { build } from 'vite';

/** Builds the web app into dist/web once, so the e2e tests run what `pnpm start` serves. */
export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
