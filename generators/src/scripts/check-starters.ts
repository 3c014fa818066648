// pnpm check:starters — renders every recipe into a temporary directory and fails, printing a
// diff, when starters/<recipe> is not exactly that output.
import { generatorsRoot, startersRoot } from '../paths.js';
import { checkStarters } from '../starters/check-starters.js';

process.exitCode = (await checkStarters(generatorsRoot, startersRoot)) > 0 ? 1 : 0;
