/**
 * Does `file` match an `<input accept>` list such as `image/*,.heic`? Mirrors what the browser's
 * picker allows, so dropped and pasted files get the same check as picked ones.
 */
export function matchesAccept(
  file: { name: string; type: string },
  accept: string | undefined,
): boolean {
  if (!accept) return true;
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return accept
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean)
    .some((token) => {
      if (token.startsWith('.')) return name.endsWith(token);
      if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
      return type === token;
    });
}
