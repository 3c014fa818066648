import { buildApp } from './app.js';

// The only file that listens: PORT (default 3000) and HOST (default 127.0.0.1; use 0.0.0.0 in a container).
const app = await buildApp({ logger: true });
const port = Number(process.env.PORT ?? 3000);
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });

// Finish in-flight requests and stop the model workers before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
