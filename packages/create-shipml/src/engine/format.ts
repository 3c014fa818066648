import { format, type Options } from 'prettier';

/**
 * The Prettier options generated files are formatted with. They equal the monorepo's
 * `.prettierrc.json` (a test checks it), so `prettier --check` passes on every starter.
 */
export const PRETTIER_OPTIONS: Readonly<Options> = {
  singleQuote: true,
  printWidth: 100,
  trailingComma: 'all',
};

const PARSERS: Readonly<Record<string, string>> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  js: 'babel',
  jsx: 'babel',
  mjs: 'babel',
  json: 'json',
  md: 'markdown',
  css: 'css',
  html: 'html',
  yaml: 'yaml',
  yml: 'yaml',
};

/** The Prettier parser for a file path, or undefined for files Prettier does not format. */
export function parserFor(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'package.json') return 'json-stringify';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? PARSERS[base.slice(dot + 1)] : undefined;
}

/**
 * Formats a generated file, so output does not depend on how a template was indented or on
 * which conditional blocks rendered. Files of unknown type come back unchanged.
 */
export async function formatFile(path: string, text: string): Promise<string> {
  const parser = parserFor(path);
  if (!parser) return text;
  return format(text, { ...PRETTIER_OPTIONS, parser });
}
