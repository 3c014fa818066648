import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { RecommendationAnswer } from '../pipeline/recommend-movies.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ webRoot: false });
});
afterAll(async () => {
  await app.close();
});

const recommend = (payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/recommendations', payload: payload as object });
const search = async (query: string) =>
  (await app.inject({ url: `/api/items?query=${encodeURIComponent(query)}` })).json<{
    items: { id: string; title: string }[];
  }>().items;
/** The id of the movie with exactly this title (the search lists it first). */
const idOf = async (title: string) => {
  const [first] = await search(title);
  expect(first?.title).toBe(title);
  return first!.id;
};

describe('POST /api/recommendations', () => {
  it('recommends unrated movies at once for a new user, each with a score and a reason', async () => {
    const ratings = [
      { itemId: await idOf('Alien'), rating: 5 },
      { itemId: await idOf('Terminator 2: Judgment Day'), rating: 5 },
      { itemId: await idOf('Notting Hill'), rating: 1 },
    ];
    const res = await recommend({ ratings, k: 8 });
    expect(res.statusCode).toBe(200);
    const answer = res.json<RecommendationAnswer>();
    expect(answer.strategy).toBe('personal');
    expect(answer.items).toHaveLength(8);
    const ids = answer.items.map((i) => i.id);
    for (const r of ratings) expect(ids).not.toContain(r.itemId);
    expect(new Set(ids).size).toBe(8);
    for (const item of answer.items) {
      expect(item.score).toBeGreaterThanOrEqual(1);
      expect(item.score).toBeLessThanOrEqual(5);
    }
    const explained = answer.items.filter((i) => i.explanation !== null);
    expect(explained.length).toBeGreaterThan(0);
    for (const item of explained) {
      expect(['Alien', 'Terminator 2: Judgment Day']).toContain(item.because?.title);
      expect(item.explanation).toBe(`Because you liked ${item.because?.title}`);
    }
  });

  it('gives opposite tastes different recommendations', async () => {
    const action = ['Die Hard', 'Terminator 2: Judgment Day', 'Aliens'];
    const romance = ['Notting Hill', 'Four Weddings and a Funeral', 'Pretty Woman'];
    const top = async (loved: string[], disliked: string[]) => {
      const ratings = [
        ...(await Promise.all(loved.map(async (t) => ({ itemId: await idOf(t), rating: 5 })))),
        ...(await Promise.all(disliked.map(async (t) => ({ itemId: await idOf(t), rating: 1 })))),
      ];
      const answer = (await recommend({ ratings })).json<RecommendationAnswer>();
      return answer.items.map((i) => i.id);
    };
    const actionFan = await top(action, romance);
    const romanceFan = await top(romance, action);
    expect(actionFan.filter((id) => romanceFan.includes(id)).length).toBeLessThan(4);
  });

  it('answers empty ratings with the most popular movies', async () => {
    const res = await recommend({ ratings: [], k: 5 });
    expect(res.statusCode).toBe(200);
    const answer = res.json<RecommendationAnswer>();
    expect(answer.strategy).toBe('popular');
    expect(answer.items).toHaveLength(5);
    expect(answer.items.every((i) => i.explanation === null)).toBe(true);
    const scores = answer.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('leaves out excluded movies', async () => {
    const popular = (await recommend({ ratings: [], k: 3 })).json<RecommendationAnswer>().items;
    const res = await recommend({ ratings: [], k: 3, exclude: [popular[0]!.id] });
    const ids = res.json<RecommendationAnswer>().items.map((i) => i.id);
    expect(ids).not.toContain(popular[0]!.id);
    expect(ids[0]).toBe(popular[1]!.id);
  });

  it('reports unknown item ids and recommends from the rest', async () => {
    const res = await recommend({
      ratings: [
        { itemId: 'no-such-movie', rating: 5 },
        { itemId: await idOf('Alien'), rating: 5 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const answer = res.json<RecommendationAnswer>();
    expect(answer.unknownItemIds).toEqual(['no-such-movie']);
    expect(answer.strategy).toBe('personal');
  });

  it('answers a rating outside the scale with 400 naming it', async () => {
    const res = await recommend({ ratings: [{ itemId: await idOf('Alien'), rating: 7 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(/ratings\[0\]\.rating is 7.*1 to 5/);
  });

  it.each([
    ['no ratings field', {}],
    ['a rating that is a string', { ratings: [{ itemId: 'x', rating: 'five' }] }],
    ['k of 0', { ratings: [], k: 0 }],
    ['k that is not a number', { ratings: [], k: 'many' }],
  ])('answers bad input (%s) with 400 and a JSON error', async (_what, body) => {
    const res = await recommend(body);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toEqual(expect.any(String));
  });

  it('folds in 10,000 ratings in one request, and answers 413 beyond the limit', async () => {
    const items = (await app.inject({ url: '/api/items?limit=100' })).json<{
      items: { id: string }[];
    }>().items;
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ itemId: items[i % 100]!.id, rating: 1 + (i % 5) }));
    const ok = await recommend({ ratings: many(10_000), k: 5 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<RecommendationAnswer>().items).toHaveLength(5);
    const tooMany = await recommend({ ratings: many(20_001) });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json<{ error: string }>().error).toMatch(/20,001 ratings.*limit is 20,000/);
  });

  it('answers a body of an unknown media type with 415, and broken JSON with 400', async () => {
    const post = (type: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: '/api/recommendations',
        headers: { 'content-type': type },
        payload,
      });
    expect((await post('application/xml', '<ratings/>')).statusCode).toBe(415);
    const broken = await post('application/json', '{"ratings": [');
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ error: string }>().error).toEqual(expect.any(String));
  });
});

describe('GET /api/items and /api/items/:id/similar', () => {
  it('finds movies by any words of the title, ignoring case, best known first', async () => {
    const items = await search('star wars');
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(item.title.toLowerCase()).toMatch(/star wars/);
    expect(await search('zzzz-nothing')).toEqual([]);
  });

  it('lists similar movies with their cosine similarity, and 404 for an unknown id', async () => {
    const id = await idOf('Alien');
    const res = await app.inject({ url: `/api/items/${id}/similar?k=5` });
    expect(res.statusCode).toBe(200);
    const { movie, similar } = res.json<{
      movie: { id: string };
      similar: { id: string; similarity: number }[];
    }>();
    expect(movie.id).toBe(id);
    expect(similar).toHaveLength(5);
    expect(similar.map((s) => s.id)).not.toContain(id);
    const sims = similar.map((s) => s.similarity);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    const missing = await app.inject({ url: '/api/items/no-such-movie/similar' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: 'No movie with id "no-such-movie" in this model\'s catalogue.',
    });
  });
});

describe('the rest of the API', () => {
  it('maps every movie to a point in 2-D', async () => {
    const res = await app.inject({ url: '/api/map' });
    const map = res.json<{ points: { x: number; y: number }[]; explained: number[] }>();
    expect(map.points.length).toBeGreaterThan(1000);
    expect(new Set(map.points.map((p) => `${p.x},${p.y}`)).size).toBeGreaterThan(1000);
    expect(map.explained[0]).toBeGreaterThanOrEqual(map.explained[1]!);
  });

  it('documents every route with its body and error answers in /docs', async () => {
    const { paths } = (await app.inject({ url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const post = paths['/api/recommendations']!.post!;
    expect(Object.keys(post.responses).sort()).toEqual(['200', '400', '413', '415', '503']);
    expect(JSON.stringify(post)).toContain('itemId');
    expect(Object.keys(paths['/api/items/{id}/similar']!.get!.responses)).toContain('404');
    for (const path of ['/api/items', '/api/map', '/api/model']) expect(paths[path]).toBeDefined();
  });

  it('serves the scoring model on the Open Inference Protocol route', async () => {
    const { name, factors } = (await app.inject({ url: '/api/model' })).json<{
      name: string;
      factors: number;
    }>();
    const res = await app.inject({
      method: 'POST',
      url: `/v2/models/${name}/infer`,
      payload: {
        inputs: [
          { name: 'user', datatype: 'FP32', shape: [1, factors], data: Array(factors).fill(0) },
          { name: 'user_bias', datatype: 'FP32', shape: [1, 1], data: [0] },
          { name: 'k', datatype: 'INT64', shape: [1], data: [3] },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const outputs = res.json<{ outputs: { name: string; shape: number[] }[] }>().outputs;
    expect(outputs.find((o) => o.name === 'top_indices')?.shape).toEqual([1, 3]);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await app.inject({ url: '/api/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Route GET /api/nothing not found' });
  });
});
