/** What a model card says about its licence: the licence, or why none could be read. */
export type CardLicense = { license: string } | { missing: string };

/**
 * Reads the licence from a Hugging Face model card (a repo's README.md): the YAML front matter
 * between a first line `---` and the next `---`, its top-level `license` key. A string is
 * taken as written (`mit`, `apache-2.0`: the hub's licence ids); `other` becomes
 * `other (<license_name>)` when the card names it; a list (`[mit, apache-2.0]` or one `- item`
 * per line) is joined with ` AND `, because a card does not say whether several licences are
 * alternatives, and the entry should not claim a choice the card does not give.
 * Only plain, quoted and flow/block-list values are understood (no YAML library): anything
 * else, like a `|` block, reads as no licence.
 */
export function readCardLicense(text: string): CardLicense {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return { missing: 'README.md has no front matter' };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { missing: 'the front matter of README.md does not end where it is read' };
  const front = lines.slice(1, end);
  const license = topLevel(front, 'license');
  if (license.length === 0) return { missing: 'the front matter of README.md names no license' };
  const name = topLevel(front, 'license_name')[0];
  return {
    license: license.map((l) => (l === 'other' && name ? `other (${name})` : l)).join(' AND '),
  };
}

/** The value(s) of a top-level key: one scalar, or the items of a list; [] when absent or empty. */
function topLevel(front: string[], key: string): string[] {
  const at = front.findIndex((l) => l.startsWith(`${key}:`));
  if (at < 0) return [];
  const value = stripComment(front[at]!.slice(key.length + 1)).trim();
  if (value.startsWith('[')) {
    if (!value.endsWith(']')) return [];
    return value.slice(1, -1).split(',').map(scalar).filter(nonEmpty);
  }
  if (value !== '') return [scalar(value)].filter(nonEmpty);
  // A block list: `- item` lines, indented or not, right after the key.
  const items: string[] = [];
  for (const line of front.slice(at + 1)) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const item = /^\s*-\s+(.*)$/.exec(line) ?? /^\s*-$/.exec(line);
    if (!item) break;
    items.push(scalar(stripComment(item[1] ?? '')));
  }
  return items.filter(nonEmpty);
}

/** A scalar without its quotes; '' for YAML's nulls and for block scalars (`|`, `>`). */
function scalar(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    return v.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) {
    return v.slice(1, -1).replace(/''/g, "'");
  }
  return /^(~|null|Null|NULL|[|>].*)$/.test(v) ? '' : v;
}

/** Drops a trailing `# comment` (a `#` after a space, outside quotes). */
function stripComment(value: string): string {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(value[i - 1]!))) {
      return value.slice(0, i);
    }
  }
  return value;
}

const nonEmpty = (s: string): boolean => s.trim() !== '';
