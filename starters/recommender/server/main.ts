import { listen } from '@shipml/serve';
import { buildApp } from './app.js';

// The only file that listens: PORT (default 3000) and HOST (default 127.0.0.1; 0.0.0.0 in a container).
try {
  const app = await buildApp({ logger: true });
  const { address, closed } = await listen(app, { host: process.env.HOST ?? '127.0.0.1' });
  app.log.info(`ready: open ${address}`);
  // SIGTERM/SIGINT: in-flight requests finish, the model workers stop, then `closed` resolves.
  await closed;
  process.exit(0);
} catch (err) {
  console.error(err);
  process.exit(1);
}
