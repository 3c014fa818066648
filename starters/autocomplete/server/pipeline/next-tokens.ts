import type { InferenceService } from '@shipml/serve';

export interface NextTokenChart {
  /** The most likely next tokens, most likely first: the bars of the page's chart. */
  tokens: { text: string; probability: number }[];
  truncated: boolean;
}

/**
 * What the model expects next: it reads the prompt once and scores every token of its
 * vocabulary (its _logits_); softmax turns the scores into probabilities that add up to 1.
 *
 * @example
 * await nextTokens(app.inference, 'tiny-gpt', 'The whal', 3)
 * // → { tokens: [{ text: 'e', probability: 0.93 }, { text: 'i', probability: 0.02 },
 * //              { text: 'l', probability: 0.01 }], truncated: false }
 */
export async function nextTokens(
  inference: InferenceService,
  model: string,
  prompt: string,
  k: number,
  signal?: AbortSignal,
): Promise<NextTokenChart> {
  const next = await inference.nextTokens(model, prompt, {
    topK: k,
    ...(signal ? { signal } : {}),
  });
  return {
    tokens: next.tokens.map((t) => ({ text: t.text, probability: t.prob })),
    truncated: next.truncated,
  };
}
