#!/usr/bin/env node
import { main } from './cli/main.js';

// Entry point of `pnpm create shipml` / `npm create shipml` / `npx create-shipml`.
const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exit(code);
