// Build step: packs the monorepo's starters into templates/<recipe>/, so the published package
// carries every starter (create-shipml works offline), and snapshots the version of each public
// @shipml/* package, the versions a created app depends on (templates/shipml-versions.json).
// Only what git tracks in a starter is packed, and npm-sensitive dotfiles get packed names.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStarter, packedPath, trackedFiles } from '../dist/index.js';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const starters = join(repo, 'starters');
const out = join(pkgDir, 'templates');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const packed = [];
for (const name of readdirSync(starters).sort()) {
  const dir = join(starters, name);
  if (!existsSync(join(dir, 'package.json'))) continue;
  loadStarter(dir, name); // fails the build on missing or malformed recipe facts
  for (const rel of trackedFiles(dir)) {
    const dest = join(out, name, packedPath(rel));
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(dir, rel), dest);
  }
  packed.push(name);
}

const versions = {};
for (const name of readdirSync(join(repo, 'packages')).sort()) {
  const file = join(repo, 'packages', name, 'package.json');
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  if (!pkg.private && pkg.name.startsWith('@shipml/')) versions[pkg.name] = pkg.version;
}
writeFileSync(join(out, 'shipml-versions.json'), `${JSON.stringify(versions, null, 2)}\n`);
console.log(`templates: ${packed.join(', ')}; ${Object.keys(versions).length} @shipml packages`);
