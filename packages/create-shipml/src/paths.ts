import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The packed starters, one directory per recipe, plus shipml-versions.json: written at build
 * time by scripts/pack-templates.mjs from the monorepo's starters/.
 */
export const templatesRoot = fileURLToPath(new URL('../templates', import.meta.url));

/** This package's version, recorded in every app it creates. */
export function ownVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** `@shipml/*` package → version at build time: the versions a created app depends on. */
export function shipmlVersions(root: string = templatesRoot): Record<string, string> {
  return JSON.parse(readFileSync(`${root}/shipml-versions.json`, 'utf8')) as Record<string, string>;
}
