/**
 * @shipml/serve as apps run it: the compiled package in dist/ (`pnpm bench` builds it first),
 * not the TypeScript sources through a loader, which adds work to every request.
 */
import type * as Serve from '../src/index.js';

const entry = new URL('../dist/index.js', import.meta.url).href;

export const { createServer } = (await import(entry)) as typeof Serve;
