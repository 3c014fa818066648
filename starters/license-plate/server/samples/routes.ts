import type { FastifyInstance } from 'fastify';
import { SAMPLES } from './catalog.js';
import { renderPlateScene } from './plate-scene.js';

/** What `GET /api/samples` lists. */
export interface SampleInfo {
  id: string;
  label: string;
  /** Image URL, same origin. */
  url: string;
}

/**
 * `GET /api/samples` lists the sample photos; `GET /api/samples/:id.jpg` returns one. They are
 * rendered once at startup and kept in memory (a few tens of KB each).
 */
export function samplesRoutes(app: FastifyInstance): void {
  const rendered = new Map<string, Promise<Buffer>>();
  const render = (sample: (typeof SAMPLES)[number]) => {
    let jpeg = rendered.get(sample.id);
    if (!jpeg) {
      jpeg = renderPlateScene(sample);
      rendered.set(sample.id, jpeg);
    }
    return jpeg;
  };
  // Render them while the models load, so the first page view shows every thumbnail at once.
  app.addHook('onReady', async () => {
    await Promise.all(SAMPLES.map(render));
  });

  app.get('/api/samples', () => ({
    samples: SAMPLES.map((s): SampleInfo => ({
      id: s.id,
      label: s.label,
      url: `/api/samples/${s.id}.jpg`,
    })),
  }));

  app.get<{ Params: { file: string } }>('/api/samples/:file', async (request, reply) => {
    const id = request.params.file.replace(/\.jpg$/, '');
    const sample = SAMPLES.find((s) => s.id === id);
    if (!sample) return reply.code(404).send({ error: `No sample named "${request.params.file}"` });
    return reply
      .type('image/jpeg')
      .header('cache-control', 'public, max-age=3600')
      .send(await render(sample));
  });
}
