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
    timingsMs: {
      type: 'object',
      description: 'Milliseconds per pipeline step, and total.',
      additionalProperties: { type: 'number' },
    },
  },
} as const;
