import { runDev } from '@shipml/dev/dev-server';
import { buildApp } from '../server/app.js';

// `pnpm dev`: the API (restarted by `tsx watch` when server code or models.json changes)
// behind Vite's hot-reloading dev server, on one port: PORT (default 3000).
await runDev(() => buildApp({ logger: true, webRoot: false }));
