import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The app's root folder: the nearest folder holding a package.json, going up from `fromUrl`
 * (pass `import.meta.url`). The same answer whether the code runs from `server/` under tsx or
 * from `dist/server/` after the build, so files beside package.json (models.json, dist/web)
 * are found either way.
 */
export function appRoot(fromUrl: string | URL): string {
  let dir = dirname(fileURLToPath(fromUrl));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
  return dir;
}

/** Where `vite build` puts the page (`<app root>/dist/web`), if it has been built. */
export function builtWebRoot(root: string): string | undefined {
  const web = join(root, 'dist', 'web');
  return existsSync(join(web, 'index.html')) ? web : undefined;
}

// Paths that belong to the API: an unknown one is a JSON 404, never the page's HTML.
const API_PATH = /^\/(api|v2|docs|metrics)(\/|\?|$)/;

/**
 * Serves the built page from `root` on the API's port, and answers unknown routes: a page
 * URL gets index.html (the React app routes itself), anything else `{"error"}` with 404.
 * Register @shipml/serve with `notFoundHandler: false` so this one answers. Vite fingerprints
 * files under `assets/`, so they are cached for good; index.html is re-checked every time.
 */
export async function serveWebApp(app: FastifyInstance, root: string | undefined): Promise<void> {
  if (root) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      cacheControl: false, // set below
      setHeaders(res, path) {
        const immutable = path.includes(`${sep}assets${sep}`);
        res.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
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
