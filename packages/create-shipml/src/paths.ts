import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Recipes and shared layers, copied into the package at build time (scripts/copy-templates.mjs). */
export const templatesRoot = fileURLToPath(new URL('../templates', import.meta.url));

/** This package's version, recorded in every app it creates. */
export function ownVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** `@shipml/*` package → version at build time: the versions a created app depends on. */
export function shipmlVersions(): Record<string, string> {
  return JSON.parse(readFileSync(`${templatesRoot}/shipml-versions.json`, 'utf8')) as Record<
    string,
    string
  >;
}
