import { TemplateError } from '../errors.js';
import type { PackageJson } from './package-json.js';

/**
 * Transform "chosen model": when `model` is not the starter's `shipml.defaultModel`, it must be
 * an entry id of models.json; models.json gets `"default": model` (the model the server loads)
 * and package.json's `shipml.defaultModel` follows. The starter's own choice leaves both as
 * they are, byte for byte.
 */
export function chooseDefaultModel(
  pkg: PackageJson,
  modelsJson: string,
  model: string,
): { pkg: PackageJson; modelsJson: string } {
  if (pkg.shipml?.defaultModel === model) return { pkg, modelsJson };
  const manifest = JSON.parse(modelsJson) as { default?: string; models?: { id?: string }[] };
  const ids = (manifest.models ?? []).map((m) => m.id);
  if (!ids.includes(model)) {
    throw new TemplateError(
      `Model "${model}" is offered by the starter but is not an entry of its models.json (${ids.join(', ')}).`,
    );
  }
  // Spreading keeps an existing "default" where it is; a new one goes first.
  const next =
    'default' in manifest ? { ...manifest, default: model } : { default: model, ...manifest };
  return {
    pkg: { ...pkg, shipml: { ...pkg.shipml, defaultModel: model } },
    modelsJson: `${JSON.stringify(next, null, 2)}\n`,
  };
}
