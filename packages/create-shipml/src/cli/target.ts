import { basename, isAbsolute, resolve } from 'node:path';
import { UnsafePathError, UsageError } from '../errors.js';
import { isInside } from '../write.js';

/** Where the app goes and what it is called. */
export interface Target {
  /** Absolute directory the files are written to; nothing is written outside it. */
  dir: string;
  /** package.json name: the directory's name (the current directory's name for "."). */
  name: string;
  /** How to refer to it in "cd <dir>": as typed when relative, absolute otherwise. */
  display: string;
  /** True when the directory is outside the current one (`../x`, an absolute path). */
  outsideCwd: boolean;
}

/**
 * Resolves the directory argument deliberately: "." means the current directory; a relative
 * path such as `../x` and an absolute path are allowed (the user named them) and reported as
 * being outside the current directory; the filesystem root and the home directory itself are
 * refused, as is any path with a NUL byte.
 */
export function resolveTarget(cwd: string, dirArg: string, home?: string): Target {
  if (!dirArg.trim()) throw new UsageError('The directory name is empty.');
  if (dirArg.includes('\0')) throw new UnsafePathError('The directory name contains a NUL byte.');
  const dir = resolve(cwd, dirArg);
  if (dir === resolve('/') || (home && dir === resolve(home))) {
    throw new UnsafePathError(
      `Refusing to create an app directly in ${dir}: name a new directory.`,
    );
  }
  return {
    dir,
    name: basename(dir),
    display: isAbsolute(dirArg) ? dir : dirArg,
    outsideCwd: !isInside(cwd, dir),
  };
}
