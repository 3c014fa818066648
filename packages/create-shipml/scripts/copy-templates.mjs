// Build step: copies the recipes and shared layers from generators/ into templates/, so the
// published package carries every template (create-shipml works offline), and snapshots the
// version of each public @shipml/* package, the versions a created app will depend on.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const out = `${pkgDir}templates`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const dir of ['recipes', 'shared']) {
  cpSync(`${repo}generators/${dir}`, `${out}/${dir}`, { recursive: true });
}

const versions = {};
for (const name of readdirSync(`${repo}packages`).sort()) {
  const file = `${repo}packages/${name}/package.json`;
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  if (!pkg.private && pkg.name.startsWith('@shipml/')) versions[pkg.name] = pkg.version;
}
writeFileSync(`${out}/shipml-versions.json`, `${JSON.stringify(versions, null, 2)}\n`);
console.log(
  `templates: ${readdirSync(`${out}/recipes`).join(', ')}; ${Object.keys(versions).length} @shipml packages`,
);
