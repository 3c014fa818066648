import { fileURLToPath } from 'node:url';

/** generators/: holds recipes/, shared/ and scaffold/ (the engine's template root). */
export const generatorsRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
/** The monorepo root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** Where `generate:starters` writes each recipe's output. */
export const startersRoot = `${repoRoot}/starters`;
/** The blueprint `pnpm gen recipe` copies into a new recipe's templates/. */
export const scaffoldTemplates = `${generatorsRoot}/scaffold/templates`;
