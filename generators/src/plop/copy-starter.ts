import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { namesTheApp, renameApp, trackedFiles } from 'create-shipml';
import { format, resolveConfig } from 'prettier';
import { repoRoot } from '../paths.js';
import {
  renameIndexHtml,
  renamePackageJson,
  renameReadme,
  starterPackageName,
  type StarterNames,
} from './renames.js';

/** Files whose layout Prettier decides after a rename (a title's length changes line breaks). */
const REFORMAT = new Set(['README.md', 'web/index.html']);

function renamed(rel: string, bytes: Buffer, from: string, to: StarterNames): Buffer {
  if (bytes.includes(0)) return bytes; // binary (the model): copied as it is
  const text = bytes.toString('utf8');
  if (rel === 'package.json') return Buffer.from(renamePackageJson(text, to));
  if (rel === 'README.md')
    return Buffer.from(renameApp(renameReadme(text, from, to), from, to.name));
  if (namesTheApp(rel)) return Buffer.from(renameApp(text, from, to.name));
  if (rel === 'web/index.html') return Buffer.from(renameIndexHtml(text, to));
  return Buffer.from(text.replaceAll(starterPackageName(from), starterPackageName(to.name)));
}

/**
 * Copies the git-tracked files of `<startersRoot>/<from>` to `<startersRoot>/<to.name>`,
 * renaming the starter on the way (package name, description and `shipml.title`, README's H1
 * and first paragraph and every mention of the old name, web/index.html's title and
 * description, the app's name in deploy/k8s/*.yaml). Refuses an existing folder.
 *
 * @returns the paths written, relative to the new starter.
 */
export async function copyStarter(
  startersRoot: string,
  from: string,
  to: StarterNames,
): Promise<string[]> {
  const source = join(startersRoot, from);
  const dest = join(startersRoot, to.name);
  if (existsSync(dest)) throw new Error(`${dest} already exists.`);
  const files = trackedFiles(source);
  if (!files.includes('package.json')) throw new Error(`${source} has no package.json to copy.`);
  const config = (await resolveConfig(join(repoRoot, 'package.json'))) ?? {};
  for (const rel of files) {
    let contents = renamed(rel, readFileSync(join(source, rel)), from, to);
    if (REFORMAT.has(rel)) {
      const text = await format(contents.toString('utf8'), {
        ...config,
        filepath: join(dest, rel),
      });
      contents = Buffer.from(text);
    }
    mkdirSync(dirname(join(dest, rel)), { recursive: true });
    writeFileSync(join(dest, rel), contents);
  }
  return files;
}
