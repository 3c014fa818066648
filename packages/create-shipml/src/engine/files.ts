import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (dotfiles included), as sorted POSIX paths relative to `dir`. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/**
 * Names that cannot ship in a template as themselves: npm drops `.gitignore` from published
 * packages, so templates carry `_gitignore` and the copy restores the dot.
 */
const RENAMES: Readonly<Record<string, string>> = {
  _gitignore: '.gitignore',
  _npmrc: '.npmrc',
};

/** Maps a template path to the path it is written to: renames, and `.hbs` stripped. */
export function outputPath(templatePath: string): { path: string; isTemplate: boolean } {
  const isTemplate = templatePath.endsWith('.hbs');
  const path = isTemplate ? templatePath.slice(0, -'.hbs'.length) : templatePath;
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  const renamed = RENAMES[base];
  return { path: renamed ? path.slice(0, slash + 1) + renamed : path, isTemplate };
}
