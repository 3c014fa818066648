// JSON schemas of the API: fastify checks every request against them (400 naming the field),
// and /docs shows them.

const error = {
  type: 'object',
  properties: { error: { type: 'string' } },
  required: ['error'],
} as const;

/** The answers every route can give besides its 200. */
export const errorAnswers = {
  400: { description: 'A field is missing, of the wrong type or out of range', ...error },
  415: { description: 'The body is not JSON', ...error },
  503: {
    description: 'Too many completions running and waiting: retry after Retry-After',
    ...error,
  },
  504: { description: 'The completion took longer than its deadline', ...error },
} as const;

/** Body of `POST /api/complete` and `POST /api/complete/stream`. */
export const completionRequestSchema = {
  type: 'object',
  required: ['prompt'],
  additionalProperties: false,
  properties: {
    prompt: {
      type: 'string',
      maxLength: 20_000,
      description: 'The text to continue; may be empty',
    },
    maxNewTokens: { type: 'integer', minimum: 1, maximum: 256, default: 24 },
    temperature: { type: 'number', minimum: 0, maximum: 5, default: 0.7 },
    topK: { type: 'integer', minimum: 0, maximum: 1000, default: 40 },
    topP: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.95 },
    n: { type: 'integer', minimum: 1, maximum: 4, default: 1 },
    seed: { type: 'integer', minimum: 0, maximum: 4_294_967_295 },
    stop: {
      type: 'array',
      maxItems: 4,
      items: { type: 'string', minLength: 1, maxLength: 32 },
    },
  },
} as const;

/** The answer of `POST /api/complete`. */
export const completionAnswerSchema = {
  type: 'object',
  required: ['completions', 'truncated', 'timingsMs'],
  properties: {
    completions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['text', 'finishReason'],
        properties: {
          text: { type: 'string' },
          finishReason: { type: 'string', enum: ['length', 'stop_sequence', 'eos_token'] },
        },
      },
    },
    truncated: { type: 'boolean', description: 'Only the end of a long prompt was used' },
    timingsMs: {
      type: 'object',
      properties: { firstToken: { type: 'number' }, total: { type: 'number' } },
    },
    tokens: { type: 'integer' },
    tokensPerSecond: { type: 'number' },
  },
} as const;

/** Body of `POST /api/next-tokens`. */
export const nextTokensRequestSchema = {
  type: 'object',
  required: ['prompt'],
  additionalProperties: false,
  properties: {
    prompt: { type: 'string', maxLength: 20_000 },
    k: { type: 'integer', minimum: 1, maximum: 20, default: 8 },
  },
} as const;

/** The answer of `POST /api/next-tokens`. */
export const nextTokensAnswerSchema = {
  type: 'object',
  required: ['tokens', 'truncated'],
  properties: {
    tokens: {
      type: 'array',
      items: {
        type: 'object',
        properties: { text: { type: 'string' }, probability: { type: 'number' } },
      },
    },
    truncated: { type: 'boolean' },
  },
} as const;
