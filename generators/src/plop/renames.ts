/** What a new starter is called: the `pnpm gen recipe` answers. */
export interface StarterNames {
  /** Recipe name, kebab-case: the folder name. */
  name: string;
  /** Human title, e.g. "Sentiment". */
  title: string;
  /** One sentence: the package description, shown in prompts and `--help`. */
  description: string;
}

/** The workspace package name of the starter for recipe `name`. */
export function starterPackageName(name: string): string {
  return `@shipml/starter-${name}`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** package.json: the package name, its description and `shipml.title`; the rest as copied. */
export function renamePackageJson(text: string, to: StarterNames): string {
  const pkg = JSON.parse(text) as { shipml?: Record<string, unknown> } & Record<string, unknown>;
  const renamed = {
    ...pkg,
    name: starterPackageName(to.name),
    description: to.description,
    shipml: { ...pkg.shipml, title: to.title },
  };
  return `${JSON.stringify(renamed, null, 2)}\n`;
}

/**
 * README.md: the H1 becomes the title and the first paragraph under it the description; every
 * mention of the copied starter (its folder, package, `--recipe` and `` `name` ``) the new one's.
 */
export function renameReadme(text: string, from: string, to: StarterNames): string {
  const lines = text
    .replaceAll(starterPackageName(from), starterPackageName(to.name))
    .replaceAll(`starters/${from}`, `starters/${to.name}`)
    .replaceAll(`--recipe ${from}`, `--recipe ${to.name}`)
    .replaceAll(`\`${from}\``, `\`${to.name}\``)
    .split('\n');
  const h1 = lines.findIndex((l) => l.startsWith('# '));
  if (h1 < 0) return [`# ${to.title}`, '', to.description, '', ...lines].join('\n');
  lines[h1] = `# ${to.title}`;
  // The first paragraph: the first run of prose lines before the next heading, outside
  // monorepo-only blocks and code fences.
  const isProse = (l: string) => l.trim() !== '' && !/^\s*(#|<!--|```|~~~|\||[-*>] )/.test(l);
  let start = h1 + 1;
  let skipping: RegExp | undefined;
  for (; start < lines.length && !lines[start]!.startsWith('# '); start++) {
    const line = lines[start]!.trim();
    if (skipping) {
      if (skipping.test(line)) skipping = undefined;
    } else if (line === '<!-- monorepo:start -->') skipping = /^<!-- monorepo:end -->$/;
    else if (/^(```|~~~)/.test(line)) skipping = /^(```|~~~)$/;
    else if (line.startsWith('#')) break;
    else if (isProse(lines[start]!)) break;
  }
  if (start >= lines.length || lines[start]!.startsWith('#')) {
    lines.splice(h1 + 1, 0, '', to.description);
    return lines.join('\n');
  }
  let end = start;
  while (end < lines.length && isProse(lines[end]!)) end++;
  lines.splice(start, end - start, to.description);
  return lines.join('\n');
}

/** web/index.html: the page `<title>` and `<meta name="description">`. */
export function renameIndexHtml(text: string, to: StarterNames): string {
  return text
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(to.title)}</title>`)
    .replace(
      /(<meta\s+name="description"\s+content=")[^"]*(")/,
      (_, open: string, close: string) => `${open}${escapeHtml(to.description)}${close}`,
    );
}

/** docs/starters/<name>.md: a pointer to the starter's README, which is the one text about it. */
export function docsStub(to: StarterNames): string {
  return [
    `# ${to.title}`,
    '',
    to.description,
    '',
    `The starter is [\`starters/${to.name}\`](../../starters/${to.name}); its`,
    `[README](../../starters/${to.name}/README.md) says how to run it, test it and change it.`,
    '',
    'Create your own copy:',
    '',
    '```sh',
    `pnpm create shipml my-app --recipe ${to.name}`,
    '```',
    '',
    `From a clone of the shipml repository: \`pnpm create-app ../my-app --recipe ${to.name}\`.`,
    '',
  ].join('\n');
}
