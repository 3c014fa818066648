import { commandsFor, type PackageManager } from '../package-manager.js';

/** `pnpm <builtin> …` → the same for npm and yarn; a script name becomes a run command. */
const BUILTINS: Readonly<Record<string, Record<'npm' | 'yarn', string>>> = {
  install: { npm: 'npm install', yarn: 'yarn' },
  add: { npm: 'npm install', yarn: 'yarn add' },
  exec: { npm: 'npx', yarn: 'yarn' },
  dlx: { npm: 'npx', yarn: 'yarn dlx' },
  create: { npm: 'npm create', yarn: 'yarn create' },
};

// `pnpm` then a word: a builtin or a script (`dev`, `test:e2e`); flags such as --filter are left alone.
const PNPM_COMMAND = /\bpnpm ([a-z][\w:.-]*)/g;

function convert(code: string, pm: 'npm' | 'yarn'): string {
  return code.replace(PNPM_COMMAND, (_, word: string) => {
    const builtin = BUILTINS[word]?.[pm];
    return builtin ?? commandsFor(pm).run(word);
  });
}

/**
 * Transform "package-manager commands": in code blocks and inline code, `pnpm <script>` becomes
 * `npm run <script>` / `yarn <script>`, `pnpm install` becomes `npm install` / `yarn` and
 * `pnpm exec x` becomes `npx x` / `yarn x`. Prose is left alone; pnpm leaves the text as is.
 */
export function useRunCommands(text: string, pm: PackageManager): string {
  if (pm === 'pnpm') return text;
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return line;
      }
      if (fenced) return convert(line, pm);
      return line.replace(/`[^`]+`/g, (span) => convert(span, pm));
    })
    .join('\n');
}
