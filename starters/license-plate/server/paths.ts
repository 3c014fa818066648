import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The starter's folder (where package.json and models.json are). Found by walking up, so it is the
 * same whether this file runs from `server/` (dev, tests) or from `dist/server/` (built).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('license-plate starter: package.json not found');
    dir = parent;
  }
  return dir;
}
