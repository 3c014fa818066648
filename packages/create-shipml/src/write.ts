import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { TargetNotEmptyError, UnsafePathError } from './errors.js';
import type { ProjectFile } from './template/create-files.js';

/** True when `child` is `parent` itself or lies inside it (both absolute). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Entries of a directory that count as content (a fresh `git init` or an OS file does not). */
export function existingEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const ignored = new Set(['.git', '.DS_Store', 'Thumbs.db']);
  return readdirSync(dir).filter((e) => !ignored.has(e));
}

/**
 * Writes the created files under `targetDir`, creating it. Refuses a non-empty directory unless
 * `force`, and refuses any file that would resolve outside `targetDir`, through `..` in a
 * file path or through a symlink already inside the directory.
 *
 * @returns absolute paths written, in order.
 */
export function writeProject(
  targetDir: string,
  files: readonly ProjectFile[],
  opts: { force?: boolean } = {},
): string[] {
  const root = resolve(targetDir);
  const existing = existingEntries(root);
  if (existing.length > 0 && !opts.force) {
    throw new TargetNotEmptyError(
      `${root} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}). ` +
        'Choose another directory, or pass --force to write into it.',
    );
  }
  mkdirSync(root, { recursive: true });
  const realRoot = realpathSync(root);
  const written: string[] = [];
  for (const file of files) {
    const dest = resolve(root, file.path);
    if (!isInside(root, dest) || dest === root) {
      throw new UnsafePathError(`Refusing to write ${file.path}: it is outside ${root}.`);
    }
    mkdirSync(dirname(dest), { recursive: true });
    // A symlinked directory inside the target could point anywhere: check where it really goes.
    if (!isInside(realRoot, realpathSync(dirname(dest)))) {
      throw new UnsafePathError(
        `Refusing to write ${file.path}: its directory links outside ${root}.`,
      );
    }
    if (lstatSync(dest, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw new UnsafePathError(`Refusing to write ${file.path}: it is a symlink.`);
    }
    writeFileSync(dest, file.contents);
    written.push(dest);
  }
  return written;
}
