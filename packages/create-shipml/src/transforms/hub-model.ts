import type { ModelEntryJson } from '@shipml/models';
import type { PackageJson } from './package-json.js';

/**
 * Transform "hub model": the app serves a model from the Hugging Face hub. models.json gets the
 * pinned `entry` (replacing one of the same id) and `"default": entry.id`; package.json's
 * `shipml.defaultModel` becomes the repo reference `model` (added to `shipml.models` when the
 * starter does not list it, so the record stays a valid recipe).
 */
export function useHubModel(
  pkg: PackageJson,
  modelsJson: string,
  model: string,
  entry: ModelEntryJson,
): { pkg: PackageJson; modelsJson: string } {
  const manifest = JSON.parse(modelsJson) as { default?: string; models?: { id?: string }[] };
  const others = (manifest.models ?? []).filter((m) => m.id !== entry.id);
  const next = { ...manifest, models: [...others, entry], default: entry.id };
  const models = (pkg.shipml?.models ?? []) as { id: string; description: string }[];
  const listed = models.some((m) => m.id === model)
    ? models
    : [
        ...models,
        { id: model, description: entry.description ?? `${model} from the Hugging Face hub.` },
      ];
  return {
    pkg: { ...pkg, shipml: { ...pkg.shipml, models: listed, defaultModel: model } },
    modelsJson: `${JSON.stringify(next, null, 2)}\n`,
  };
}
