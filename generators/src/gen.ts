// pnpm gen recipe <name> [--title "…"] [--description "…"]
// Runs plop on this package's plopfile. Answers may come as flags before any `--` (plop's own
// command line only reads them after one); the prompts ask for the rest.
import { fileURLToPath } from 'node:url';
import { Plop, run } from 'plop';

Plop.prepare(
  { cwd: process.cwd(), configPath: fileURLToPath(new URL('../plopfile.ts', import.meta.url)) },
  (env) => Plop.execute(env, (ready) => void run(ready, undefined, true)),
);
