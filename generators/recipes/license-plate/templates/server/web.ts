import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `vite build` puts the web app: `dist/web` in the app's folder, if it has been built. */
export function builtWebRoot(): string | undefined {
  const root = fileURLToPath(new URL('../dist/web', import.meta.url));
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

// Paths that belong to the API: an unknown one is a JSON 404, never the web app's HTML.
const API_PATH = /^\/(api|v2|docs|metrics)(\/|\?|$)/;

/**
 * Serves the built web app from `root` on the API's port (production), and answers unknown
 * routes: page URLs get index.html (the React app routes itself), API URLs a JSON 404.
 */
export async function serveWebApp(app: FastifyInstance, root: string | undefined): Promise<void> {
  if (root) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      cacheControl: false, // set below
      // Vite fingerprints files under assets/, so they never change; index.html must be re-checked.
      setHeaders(res, path) {
        res.setHeader(
          'cache-control',
          path.includes(`${join('assets', '')}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !API_PATH.test(request.url) &&
      request.headers.accept?.includes('text/html');
    if (root && wantsPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: `Route ${request.method} ${request.url} not found` });
  });
}
