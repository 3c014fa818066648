import validate from 'validate-npm-package-name';
import { InvalidProjectNameError } from '../errors.js';

/** A name close to `name` that npm accepts: lower-case, dashes for anything else. */
export function suggestName(name: string): string {
  const cleaned = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return cleaned || 'shipml-app';
}

/**
 * Checks a project name (the target directory's name) against npm's rules for new packages,
 * since it becomes the app's package.json name. Throws InvalidProjectNameError with npm's
 * reasons and a suggestion.
 */
export function assertValidProjectName(name: string): void {
  const result = validate(name);
  if (result.validForNewPackages) return;
  const reasons = [...(result.errors ?? []), ...(result.warnings ?? [])];
  throw new InvalidProjectNameError(
    `"${name}" cannot be a package name: ${reasons.join('; ')}. Try "${suggestName(name)}".`,
  );
}
