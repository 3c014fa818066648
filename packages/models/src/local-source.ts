import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { SourceNotFoundError } from './errors.js';
import type { FileSource, NpmSource } from './source.js';

/**
 * Absolute path of a file inside an installed npm package, looked up the way Node would
 * from the manifest's directory (walking up node_modules). The package's `exports` map is
 * bypassed on purpose: weight packages rarely export their asset files.
 */
export async function resolveNpmSource(src: NpmSource, manifestPath: string): Promise<string> {
  const require = createRequire(manifestPath);
  const searched = require.resolve.paths(src.package) ?? [];
  for (const nodeModules of searched) {
    const pkgDir = join(nodeModules, src.package);
    if (await isFile(join(pkgDir, 'package.json'))) {
      const file = join(pkgDir, src.path);
      if (await isFile(file)) return file;
      throw new SourceNotFoundError(
        `npm:${src.package}/${src.path}: the package is installed at ${pkgDir} but has no file ${src.path}`,
      );
    }
  }
  throw new SourceNotFoundError(
    `npm:${src.package}/${src.path}: package ${src.package} is not installed where ${manifestPath} can see it; add it to that package's dependencies and run pnpm install`,
  );
}

/** Absolute path of a `file:` source (relative to the manifest's directory). */
export async function resolveFileSource(src: FileSource, manifestDir: string): Promise<string> {
  const file = isAbsolute(src.path) ? src.path : resolve(manifestDir, src.path);
  if (!(await isFile(file))) {
    throw new SourceNotFoundError(`file:${src.path}: no such file ${file}`);
  }
  return file;
}

async function isFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ?? false;
}
