#!/usr/bin/env node
// Entry of the `shipml` binary: everything lives in cli/main.ts; only this file exits.
import { main } from './cli/main.js';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `shipml: unexpected error (please report it): ${(err as Error).stack ?? String(err)}\n`,
    );
    process.exit(1);
  },
);
