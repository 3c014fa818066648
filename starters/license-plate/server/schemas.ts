import type { FastifySchema } from 'fastify';
import { REGION_SETTINGS } from './pipeline/regions/regions.js';

/** JSON schema of `PlateReading` (pipeline/types.ts), for the response serializer and /docs. */
export const plateReadingSchema = {
  type: 'object',
  required: ['plates', 'timingsMs'],
  properties: {
    plates: {
      type: 'array',
      description: 'Plates found, most likely first; empty when none.',
      items: {
        type: 'object',
        required: ['text', 'confidence', 'box'],
        properties: {
          text: { type: 'string', description: 'Plate characters, A–Z and 0–9, no spaces.' },
          confidence: { type: 'number', description: '0..1' },
          box: {
            type: 'array',
            description: '[x1, y1, x2, y2] in pixels of the upright photo.',
            items: { type: 'number' },
            minItems: 4,
            maxItems: 4,
          },
        },
      },
    },
    region: {
      type: 'object',
      description: 'Whose plate formats ranked the plates: the setting, or what auto chose.',
      required: ['id', 'name', 'from'],
      properties: {
        id: { type: 'string', enum: REGION_SETTINGS.filter((r) => r !== 'auto') },
        name: { type: 'string', description: 'e.g. "United States".' },
        state: {
          type: 'string',
          description: 'The US state named on the plate, when one was read.',
        },
        from: {
          type: 'string',
          enum: ['setting', 'photo'],
          description:
            '`setting`: the region was asked for; `photo`: auto chose it from the photo.',
        },
        evidence: {
          type: 'string',
          enum: ['words', 'band', 'layout', 'none'],
          description:
            "With `from: photo`, what chose the region: words read on the photo (a state name, a slogan), an EU band, or only the serial's layout (a guess: pick the region if it is wrong); `none` when the plate fits no region's listed formats (a vanity plate) or none was read, so at most the plate's shape chose the region (a guess too).",
        },
      },
    },
    timingsMs: {
      type: 'object',
      description: 'Milliseconds per pipeline step, and total.',
      additionalProperties: { type: 'number' },
    },
  },
} as const;

/** Every error answer of the app: `{"error": "what went wrong and what to do"}`. */
export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string' } },
} as const;

const error = (description: string) => ({ description, ...errorSchema });

/**
 * `POST /api/plates` as fastify sees it: the answers it serializes, with their /docs descriptions.
 * The request is described by `platesRequestDocs`, not here, because fastify would validate a
 * `body` schema against the parsed body — and multipart bodies are read in the handler.
 */
export const platesRouteSchema = {
  summary: 'Read the licence plates on a photo',
  description:
    'Send a JPEG, PNG or WebP photo as multipart/form-data (field `image`, optional field `region`) or as the raw bytes. Answers the plates found, most likely first, with the region whose formats ranked them and the time per step.',
  tags: ['plates'],
  response: {
    200: {
      description: 'The plates read (an empty list when there is none).',
      ...plateReadingSchema,
    },
    400: error(
      'No image in the request, a broken form, an unknown region, a truncated or corrupt photo, or one with absurd dimensions.',
    ),
    413: error('The upload is larger than the limit (10 MB by default).'),
    415: error('Not a JPEG, PNG or WebP image, or not an upload (e.g. a JSON body).'),
    500: error('Something failed on the server.'),
    503: {
      ...error('Too many photos are waiting; try again after `Retry-After` seconds.'),
      headers: { 'retry-after': { type: 'integer', description: 'Seconds to wait.' } },
    },
  },
} satisfies FastifySchema;

const region = {
  type: 'string',
  enum: [...REGION_SETTINGS],
  default: 'auto',
  description:
    'Whose plate formats to read with: `eu`, `us`, `br`, or `auto` to choose from what the photo shows.',
};
const rawImage = { schema: { type: 'string', format: 'binary' } };

/**
 * Adds the request to `/docs` (@fastify/swagger's per-route `swaggerTransform`): the `region`
 * query parameter and both body forms, so "Try it out" can upload a photo. Documentation only —
 * the handler reads and checks the upload and the region itself.
 */
export function platesRequestDocs({ schema, url }: { schema: FastifySchema; url: string }) {
  const body = {
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['image'],
          properties: {
            image: { type: 'string', format: 'binary', description: 'The photo.' },
            region: { ...region, description: 'Same as the `region` query parameter.' },
          },
        },
      },
      'image/jpeg': rawImage,
      'image/png': rawImage,
      'image/webp': rawImage,
      'application/octet-stream': rawImage,
    },
  };
  const querystring = { type: 'object', properties: { region } };
  return { schema: { ...schema, querystring, body }, url };
}
