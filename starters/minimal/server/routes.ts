import type { FastifyPluginAsync } from 'fastify';
import { convertTemperature } from './pipeline/convert-temperature.js';

export interface RoutesOptions {
  /** The served model's name (its id in models.json). */
  model: string;
}

/** This app's API, mounted under `/api`. */
export const routes: FastifyPluginAsync<RoutesOptions> = async (app, { model }) => {
  app.post<{ Body: { celsius: number } }>(
    '/predict',
    {
      schema: {
        summary: 'Convert °C to °F with the model',
        body: {
          type: 'object',
          required: ['celsius'],
          additionalProperties: false,
          properties: { celsius: { type: 'number', minimum: -273.15, maximum: 1e6 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['fahrenheit'],
            properties: { fahrenheit: { type: 'number' } },
          },
          400: { type: 'object', properties: { error: { type: 'string' } } },
        },
      },
    },
    async (request) => {
      // 1. Take the input: fastify has checked it against the schema above (400 otherwise).
      const { celsius } = request.body;
      // 2–3. Run the pipeline: number → tensor → model (in a worker thread) → number.
      const answer = await convertTemperature(app.inference, model, celsius);
      // 4. Answer with JSON: `{ "fahrenheit": 98.6 }`.
      return answer;
    },
  );
};
