import type { FastifyPluginAsync } from 'fastify';
import { MODEL_ID } from './models.js';

interface PredictBody {
  celsius: number;
}

/** This app's API, mounted under /api. */
export const routes: FastifyPluginAsync = async (app) => {
  /** POST /api/predict `{ celsius: number }` → `{ fahrenheit: number }` */
  app.post<{ Body: PredictBody }>(
    '/predict',
    {
      schema: {
        body: {
          type: 'object',
          required: ['celsius'],
          additionalProperties: false,
          properties: { celsius: { type: 'number', minimum: -273.15, maximum: 1e6 } },
        },
      },
    },
    async (request) => {
      // 1. Input → tensor: a batch of one row with one feature, shape [1, 1], float32.
      const celsius = {
        datatype: 'FP32' as const,
        shape: [1, 1],
        data: Float32Array.of(request.body.celsius),
      };
      // 2. Run the model (in a worker thread, batched with concurrent requests).
      const outputs = await app.inference.infer(MODEL_ID, { celsius });
      // 3. Tensor → JSON: the output has the same shape, [1, 1]; take its only value.
      const value = outputs.fahrenheit?.data[0];
      if (value === undefined) throw new Error(`${MODEL_ID} returned no "fahrenheit" output`);
      return { fahrenheit: Number(value) };
    },
  );
};
