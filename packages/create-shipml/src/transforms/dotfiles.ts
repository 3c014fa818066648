/**
 * Names npm leaves out of a published package (or acts on), so a packed template carries them
 * under another name: `.gitignore` as `_gitignore`, `.npmrc` as `_npmrc`.
 */
const PACKED: Readonly<Record<string, string>> = {
  '.gitignore': '_gitignore',
  '.npmrc': '_npmrc',
};
const UNPACKED: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PACKED).map(([name, packed]) => [packed, name]),
);

function renameBase(path: string, names: Readonly<Record<string, string>>): string {
  const slash = path.lastIndexOf('/');
  const renamed = names[path.slice(slash + 1)];
  return renamed ? path.slice(0, slash + 1) + renamed : path;
}

/** The name a starter file is packed under: `.gitignore` → `_gitignore`, `a/.npmrc` → `a/_npmrc`. */
export function packedPath(path: string): string {
  return renameBase(path, PACKED);
}

/** Transform "dotfiles": a packed name back to the real one, `_gitignore` → `.gitignore`. */
export function unpackedPath(path: string): string {
  return renameBase(path, UNPACKED);
}
