// Starts the licence-plate app: API, models and (once built) the web app on one port.
//   PORT (default 3000), HOST (default 0.0.0.0).
//   `--api-only` (what `dev` runs): the API alone on PORT + 1, behind Vite's dev server on PORT.
import { listen } from '@shipml/serve';
import { buildApp } from './app.js';
import { builtWebRoot } from './web.js';

const apiOnly = process.argv.includes('--api-only');
const webRoot = apiOnly ? undefined : builtWebRoot();
const port = Number(process.env.PORT ?? 3000) + (apiOnly ? 1 : 0);

try {
  const app = await buildApp({
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    ...(webRoot ? { webRoot } : {}),
  });
  const { address, closed } = await listen(app, { port });
  app.log.info(
    webRoot
      ? `Plate reader ready: open ${address}`
      : `API ready on ${address}${apiOnly ? '' : ' (no built web app: run the build first)'}`,
  );
  // SIGTERM/SIGINT drain in-flight requests, then `closed` resolves.
  await closed;
  process.exit(0);
} catch (err) {
  console.error(err);
  process.exit(1);
}
