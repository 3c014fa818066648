import { fileURLToPath } from 'node:url';

/** generators/: the maintainers' tools. */
export const generatorsRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
/** The monorepo root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** One folder per starter: each is a recipe, and the one copy of its template. */
export const startersRoot = `${repoRoot}/starters`;
/** One page per starter, pointing at the starter's README. */
export const docsStartersRoot = `${repoRoot}/docs/starters`;
/** The starter `pnpm gen recipe` copies: the smallest one. */
export const SOURCE_STARTER = 'minimal';
