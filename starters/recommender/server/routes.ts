import type { FastifyPluginAsync } from 'fastify';
import type { StoredModel } from './pipeline/model-store.js';
import { movieMap } from './pipeline/movie-map.js';
import { recommendMovies, type RecommendationRequest } from './pipeline/recommend-movies.js';
import { createRecommender } from './pipeline/recommender.js';
import { searchItems } from './pipeline/search-items.js';
import { servedScorer } from './pipeline/served-scorer.js';
import { similarMovies } from './pipeline/similar-movies.js';
import {
  badRequest,
  mapAnswerSchema,
  modelAnswerSchema,
  recommendationAnswerSchema,
  recommendationErrors,
  recommendationRequestSchema,
  searchAnswerSchema,
  searchQuerySchema,
  similarAnswerSchema,
  similarParamsSchema,
  similarQuerySchema,
  unknownItem,
} from './schemas.js';

export interface RoutesOptions {
  /** The served scoring model's name (its id in models.json). */
  model: string;
  /** The same version's catalogue and item vectors (model.json). */
  stored: StoredModel;
}

/** This app's API, mounted under `/api`. */
export const routes: FastifyPluginAsync<RoutesOptions> = async (app, { model, stored }) => {
  // Setup, once: the id lookup and unit vectors every request uses, and the scoring model call.
  const rec = createRecommender(stored.model);
  const scorer = servedScorer(app.inference, model);
  const map = movieMap(rec); // the same for every request: computed once (a few ms)

  app.post<{ Body: RecommendationRequest }>(
    '/recommendations',
    {
      bodyLimit: 2 * 1024 * 1024, // room for 20,000 ratings
      schema: {
        summary: 'Recommend movies for a set of ratings (none: the most popular movies)',
        body: recommendationRequestSchema,
        response: { 200: recommendationAnswerSchema, ...recommendationErrors },
      },
    },
    async (request) => {
      // 1. Take the ratings: fastify has checked their shape against the schema (400 otherwise).
      const req = request.body;
      // 2. Fold the user in, from the ratings alone: 400 for stars off the scale, 413 for too many.
      // 3. Score every movie for that user and take the best k: one model call (ONNX, in a worker).
      const answer = await recommendMovies(rec, scorer, req);
      // 4. Answer: { strategy, items: [{ id, title, score, explanation, … }], unknownItemIds }.
      return answer;
    },
  );

  app.get<{ Querystring: { query: string; limit: number } }>(
    '/items',
    {
      schema: {
        summary: 'Search movies by title (an empty query lists the best-known ones)',
        querystring: searchQuerySchema,
        response: { 200: searchAnswerSchema, ...badRequest },
      },
    },
    (request) => ({ items: searchItems(rec, request.query.query, request.query.limit) }),
  );

  app.get<{ Params: { id: string }; Querystring: { k: number } }>(
    '/items/:id/similar',
    {
      schema: {
        summary: 'Movies whose item vectors are closest to this one’s',
        params: similarParamsSchema,
        querystring: similarQuerySchema,
        response: { 200: similarAnswerSchema, ...badRequest, ...unknownItem },
      },
    },
    (request) => similarMovies(rec, request.params.id, request.query.k),
  );

  app.get(
    '/map',
    {
      schema: {
        summary: 'Every movie on a 2-D map of its item vector (PCA)',
        response: { 200: mapAnswerSchema },
      },
    },
    () => map,
  );

  app.get(
    '/model',
    {
      schema: {
        summary: 'The model this app serves: version, data, scale and held-out metrics',
        response: { 200: modelAnswerSchema },
      },
    },
    () => ({
      name: model,
      version: stored.version,
      source: stored.model.source,
      items: stored.model.items.length,
      factors: stored.model.factors,
      scale: stored.model.scale,
      metrics: stored.model.metrics,
    }),
  );
};
