import type { InferenceService, Tensor } from '@shipml/serve';

/**
 * °C → °F with the model: pre-process → model → post-process, the shape of every pipeline.
 *
 * @example
 * await convertTemperature(app.inference, 'celsius-to-fahrenheit', 37)
 * // → { fahrenheit: 98.6 }
 */
export async function convertTemperature(
  inference: InferenceService,
  model: string,
  celsius: number,
): Promise<{ fahrenheit: number }> {
  // 1. Pre-process: a batch of one row with one feature, shape [1, 1], float32.
  const input: Tensor = { datatype: 'FP32', shape: [1, 1], data: Float32Array.of(celsius) };
  // 2. Run the model (in a worker thread, batched with concurrent requests).
  const outputs = await inference.infer(model, { celsius: input });
  // 3. Post-process: the output has the same shape, [1, 1]; take its only value.
  const value = outputs.fahrenheit?.data[0];
  if (value === undefined) throw new Error(`${model} returned no "fahrenheit" output`);
  return { fahrenheit: Number(value) };
}
