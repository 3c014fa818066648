/** JSON schemas of the V2 request bodies (validation and the /docs page). */

const parameters = { type: 'object', additionalProperties: true } as const;

export const inferenceRequestSchema = {
  type: 'object',
  required: ['inputs'],
  properties: {
    id: { type: 'string' },
    parameters,
    inputs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'shape', 'datatype', 'data'],
        properties: {
          name: { type: 'string' },
          shape: { type: 'array', items: { type: 'integer', minimum: 0 } },
          datatype: {
            type: 'string',
            description: 'BOOL, UINT8…UINT64, INT8…INT64, FP16, FP32, FP64, BYTES',
          },
          parameters,
          data: { type: 'array', description: 'Row-major elements, flat or nested' },
        },
      },
    },
    outputs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, parameters },
      },
    },
  },
} as const;

export const generateRequestSchema = {
  type: 'object',
  required: ['text_input'],
  properties: {
    text_input: { type: 'string' },
    parameters: {
      type: 'object',
      additionalProperties: true,
      properties: {
        temperature: { type: 'number', minimum: 0, maximum: 100 },
        top_p: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        top_k: { type: 'integer', minimum: 0 },
        seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
        n: { type: 'integer', minimum: 1, maximum: 16 },
        max_tokens: { type: 'integer', minimum: 1, maximum: 4096 },
        stop: { type: 'array', items: { type: 'string' } },
        details: { type: 'boolean' },
      },
    },
  },
} as const;

export const modelParams = {
  type: 'object',
  properties: { name: { type: 'string' }, version: { type: 'string' } },
} as const;
