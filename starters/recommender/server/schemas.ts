// JSON schemas of the API: fastify checks every request against them (400 naming the field),
// and /docs shows them.
import { MAX_RATINGS_PER_REQUEST } from './pipeline/validate-ratings.js';

const error = {
  type: 'object',
  properties: { error: { type: 'string' } },
  required: ['error'],
} as const;

/** 400: what every route can answer for a bad field. */
export const badRequest = {
  400: { description: 'A field is missing, of the wrong type or out of range', ...error },
} as const;

/** The extra error answers of `POST /api/recommendations`. */
export const recommendationErrors = {
  400: {
    description:
      'A field is missing or of the wrong type, or a rating is outside the model’s scale (1–5 stars; 0.5–5 for a model trained on ml-latest)',
    ...error,
  },
  413: {
    description: `More than ${MAX_RATINGS_PER_REQUEST.toLocaleString('en')} ratings in one request, or a body over 2 MiB`,
    ...error,
  },
  415: { description: 'The body is not JSON', ...error },
  503: { description: 'The model is busy or still loading: retry after Retry-After', ...error },
} as const;

/** 404 for `GET /api/items/:id/similar`. */
export const unknownItem = {
  404: { description: 'No movie with this id in the model’s catalogue', ...error },
} as const;

const movieProperties = {
  id: { type: 'string' },
  title: { type: 'string' },
  year: { type: ['integer', 'null'] },
  genres: { type: 'array', items: { type: 'string' } },
  director: { type: ['string', 'null'] },
  ratingCount: { type: 'integer', description: 'Training ratings of this movie' },
  meanRating: { type: 'number', description: 'Their mean, in stars' },
} as const;

const movie = { type: 'object', properties: movieProperties } as const;

/** Body of `POST /api/recommendations`. */
export const recommendationRequestSchema = {
  type: 'object',
  required: ['ratings'],
  additionalProperties: false,
  properties: {
    ratings: {
      type: 'array',
      description: `Your ratings (at most ${MAX_RATINGS_PER_REQUEST.toLocaleString('en')}); none gives the most popular movies`,
      items: {
        type: 'object',
        required: ['itemId', 'rating'],
        additionalProperties: false,
        properties: {
          itemId: { type: 'string', maxLength: 200 },
          rating: { type: 'number', description: 'Stars on the model’s scale, e.g. 1–5' },
        },
      },
    },
    k: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
    exclude: {
      type: 'array',
      maxItems: 1000,
      description: 'Item ids to leave out of the answer',
      items: { type: 'string', maxLength: 200 },
    },
  },
} as const;

/** The answer of `POST /api/recommendations`. */
export const recommendationAnswerSchema = {
  type: 'object',
  required: ['strategy', 'items', 'unknownItemIds'],
  properties: {
    strategy: { type: 'string', enum: ['personal', 'popular'] },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ...movieProperties,
          score: { type: 'number', description: 'Predicted stars for you' },
          explanation: { type: ['string', 'null'] },
          because: {
            type: ['object', 'null'],
            properties: {
              id: { type: 'string' },
              title: { type: 'string' },
              similarity: { type: 'number' },
            },
          },
        },
      },
    },
    unknownItemIds: {
      type: 'array',
      items: { type: 'string' },
      description: 'Rated ids the catalogue does not have: left out',
    },
  },
} as const;

/** Query of `GET /api/items`. */
export const searchQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    query: { type: 'string', maxLength: 200, default: '' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

/** The answer of `GET /api/items`. */
export const searchAnswerSchema = {
  type: 'object',
  properties: { items: { type: 'array', items: movie } },
} as const;

/** Params and query of `GET /api/items/:id/similar`. */
export const similarParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 200 } },
} as const;
export const similarQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { k: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
} as const;

/** The answer of `GET /api/items/:id/similar`. */
export const similarAnswerSchema = {
  type: 'object',
  properties: {
    movie,
    similar: {
      type: 'array',
      items: {
        type: 'object',
        properties: { ...movieProperties, similarity: { type: 'number' } },
      },
    },
  },
} as const;

/** The answer of `GET /api/map`. */
export const mapAnswerSchema = {
  type: 'object',
  properties: {
    explained: {
      type: 'array',
      items: { type: 'number' },
      description: 'Share of the item vectors’ variance along x and along y',
    },
    points: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          year: { type: ['integer', 'null'] },
          genre: { type: 'string' },
          x: { type: 'number' },
          y: { type: 'number' },
          ratingCount: { type: 'integer' },
        },
      },
    },
  },
} as const;

/** The answer of `GET /api/model`. */
export const modelAnswerSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    version: { type: 'string' },
    source: { type: 'string' },
    items: { type: 'integer' },
    factors: { type: 'integer' },
    scale: {
      type: 'object',
      properties: { min: { type: 'number' }, max: { type: 'number' }, step: { type: 'number' } },
    },
    metrics: { type: 'object', additionalProperties: { type: 'number' } },
  },
} as const;
