// pnpm gen recipe <name> [--title "…"] [--description "…"]
// Runs this package's plop generator. Answers given as arguments are not asked; on a terminal
// the prompts ask for the rest, and without one the title and description take their defaults.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nodePlop from 'node-plop';
import { defaultDescription, defaultTitle } from './plop/recipe-generator.js';

const USAGE = 'Usage: pnpm gen recipe <name> [--title "…"] [--description "…"]';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { title: { type: 'string' }, description: { type: 'string' } },
});
const [generatorName = 'recipe', name, ...extra] = positionals;
const plop = await nodePlop(fileURLToPath(new URL('../plopfile.ts', import.meta.url)));
if (extra.length > 0 || !plop.getGeneratorList().some((g) => g.name === generatorName)) {
  console.error(USAGE);
  process.exit(1);
}
const generator = plop.getGenerator(generatorName);
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
if (!interactive && !name) {
  console.error(`No terminal to ask in: name the recipe.\n${USAGE}`);
  process.exit(1);
}
// node-plop asks only for the answers given as "_"; it checks the given ones with the prompts' rules.
const title = values.title ?? (interactive ? undefined : defaultTitle(name!));
const description =
  values.description ?? (title && !interactive ? defaultDescription(title) : undefined);
let answers: Record<string, unknown>;
try {
  answers = (await generator.runPrompts([name ?? '_', title ?? '_', description ?? '_'])) as Record<
    string,
    unknown
  >;
} catch (err) {
  console.error(`✖ ${(err as Error).message}`);
  process.exit(1);
}
const { changes, failures } = await generator.runActions(answers);
for (const change of changes) console.log(`✔ ${change.path}`);
for (const failure of failures) console.error(`✖ ${failure.type}: ${failure.error}`);
if (failures.length === 0) {
  console.log(
    `Next: pnpm install, then pnpm --filter @shipml/starter-${String(answers.name)} test`,
  );
}
process.exitCode = failures.length > 0 ? 1 : 0;
