import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatorsRoot } from '../paths.js';

/**
 * A throw-away copy of generators/ (shared layers, scaffold, recipes) to generate into, so
 * tests can add recipes and edit starters without touching the repository.
 */
export function copyGeneratorsRoot(): { root: string; outRoot: string; docsRoot: string } {
  const base = mkdtempSync(join(tmpdir(), 'shipml-gen-test-'));
  const root = join(base, 'generators');
  for (const dir of ['shared', 'scaffold', 'recipes']) {
    cpSync(join(generatorsRoot, dir), join(root, dir), { recursive: true });
  }
  return { root, outRoot: join(base, 'starters'), docsRoot: join(base, 'docs', 'starters') };
}
