import { describeHubModel, ModelsError, parseHubRepo, type ModelEntryJson } from '@shipml/models';
import { HubModelError } from '../errors.js';
import type { Starter } from '../template/starters.js';

/**
 * The manifest entry for `--model <owner>/<repo>[@revision]`, or undefined when `model` is an
 * entry id of the starter's models.json. It asks the hub (`HF_ENDPOINT` when set) for the files
 * the recipe's `shipml.hubModel` names, pinned to the commit the revision is at now, with their
 * sha256 and size — the same lookup as `shipml models add`. The weights are not downloaded:
 * the app fetches them on first start (or `shipml models pull`).
 */
export async function pinHubModel(
  starter: Starter,
  model: string,
  env: NodeJS.ProcessEnv,
): Promise<ModelEntryJson | undefined> {
  const ref = parseHubRepo(model);
  if (!ref || !starter.hubModel) return undefined;
  const listed = starter.models.find((m) => m.id === model);
  const name = ref.repo.split('/')[1]!;
  try {
    return await describeHubModel(
      {
        repo: ref.repo,
        revision: ref.revision,
        files: starter.hubModel.files,
        // An entry id holds no "/": the repo's name, unless the starter already has that id.
        id: starter.models.some((m) => m.id === name) ? ref.repo.replace('/', '--') : name,
        runtime: starter.hubModel.runtime,
        ...(starter.hubModel.task ? { task: starter.hubModel.task } : {}),
        description: listed?.description ?? `${ref.repo} from the Hugging Face hub.`,
      },
      {
        ...(env.HF_ENDPOINT ? { endpoint: env.HF_ENDPOINT } : {}),
        ...(env.HF_TOKEN ? { token: env.HF_TOKEN } : {}),
        offline: /^(1|true|yes|on)$/i.test(env.SHIPML_OFFLINE ?? env.HF_HUB_OFFLINE ?? ''),
        retries: 2, // a command someone waits on: fail within seconds when there is no network
      },
    );
  } catch (err) {
    if (!(err instanceof ModelsError)) throw err;
    throw new HubModelError(
      `Cannot use ${model} as the ${starter.name} model: ${err.message}\nNothing was written. Without network access, create the app with its bundled model (leave out --model) and add a hub model later with \`shipml models add\`.`,
    );
  }
}
