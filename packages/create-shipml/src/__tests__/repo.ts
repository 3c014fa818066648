import { fileURLToPath } from 'node:url';

/** The monorepo's starters: the one copy of every template. */
export const startersRoot = fileURLToPath(new URL('../../../../starters', import.meta.url));
