import { createServer } from 'vite';
import { buildApp } from '../server/app.js';

// One command for development: the API on PORT + 1 and Vite (hot reload) on PORT, which
// forwards API, model and docs routes to it, so the browser sees a single origin.
const port = Number(process.env.PORT ?? 3000);
const api = await buildApp({ logger: true, webRoot: false });
await api.listen({ port: port + 1, host: '127.0.0.1' });

const target = `http://127.0.0.1:${port + 1}`;
const vite = await createServer({
  server: {
    port,
    strictPort: true,
    proxy: Object.fromEntries(['/api', '/v2', '/metrics', '/docs'].map((p) => [p, target])),
  },
});
await vite.listen();
vite.printUrls();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([vite.close(), api.close()]).then(() => process.exit(0));
  });
}
