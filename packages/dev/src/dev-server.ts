import { createServer } from 'vite';
import type { ListenableApp } from './e2e/app.js';

/** Routes the API server answers; Vite forwards them, and serves the page itself. */
export const API_PREFIXES = ['/api', '/v2', '/metrics', '/docs'];

/**
 * One command for development: the app's API on `PORT + 1` (loopback) and Vite with hot reload
 * on `PORT` (default 3000) and `HOST` (default 127.0.0.1), forwarding the API routes, so the
 * browser sees one origin as in production. Restarting on server changes is `tsx watch`'s job.
 */
export async function runDev(buildApi: () => Promise<ListenableApp>): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const api = await buildApi();
  await api.listen({ port: port + 1, host: '127.0.0.1' });

  const target = `http://127.0.0.1:${port + 1}`;
  const vite = await createServer({
    server: {
      port,
      host,
      strictPort: true,
      proxy: Object.fromEntries(API_PREFIXES.map((p) => [p, target])),
    },
  });
  await vite.listen();
  vite.printUrls();

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.all([vite.close(), api.close()]).then(() => process.exit(0));
    });
  }
}
