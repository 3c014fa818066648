import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateError } from '../errors.js';
import { listFiles } from './files.js';

/** Renders one `.hbs` template with the recipe context. */
export type TemplateRenderer = (source: string, context: object, where: string) => string;

function words(s: string): string[] {
  return s.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

const helpers: Record<string, Handlebars.HelperDelegate> = {
  /** `{{json value}}`: a JSON literal (strings quoted and escaped), for code and config. */
  json: (value: unknown) => JSON.stringify(value),
  /** `{{#if (eq a b)}}` */
  eq: (a: unknown, b: unknown) => a === b,
  /** `{{pascal "license-plate"}}` → `LicensePlate` */
  pascal: (s: string) =>
    words(s)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(''),
  /** `{{camel "license-plate"}}` → `licensePlate` */
  camel: (s: string) =>
    words(s)
      .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))
      .join(''),
};

/**
 * A private Handlebars environment with the shared partials (`<root>/shared/partials/**.hbs`,
 * registered by path without the extension, e.g. `{{> readme}}`) and a few helpers.
 *
 * Generated files are code, not HTML, so nothing is escaped; `strict` turns a misspelt
 * variable into an error instead of an empty string.
 */
export function createTemplateRenderer(root: string): TemplateRenderer {
  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  const partialsDir = join(root, 'shared', 'partials');
  if (existsSync(partialsDir)) {
    for (const rel of listFiles(partialsDir)) {
      if (!rel.endsWith('.hbs')) continue;
      hbs.registerPartial(
        rel.slice(0, -'.hbs'.length),
        readFileSync(join(partialsDir, rel), 'utf8'),
      );
    }
  }
  return (source, context, where) => {
    try {
      return hbs.compile(source, { noEscape: true, strict: true })(context);
    } catch (err) {
      throw new TemplateError(`${where}: ${(err as Error).message}`);
    }
  };
}
