import { buildForProduction } from '@shipml/dev/e2e';

/** Builds the app once (page and server), so the browser tests run what `start` serves. */
export default async function setup(): Promise<void> {
  await buildForProduction();
}
