import { useCallback } from 'react';
import type { InferCallOptions, InferResult, ShipmlClient } from '../client.js';
import type { TensorInput } from '../v2-types.js';
import { useMutation, type Mutation } from './use-mutation.js';

/**
 * Calls a model through the V2 API and tracks the result:
 * `const det = useInference(client, 'ppocr-det'); det.run({ x: tensor })` → `det.data.outputs`.
 */
export function useInference(
  client: ShipmlClient,
  model: string,
  options: Omit<InferCallOptions, 'signal'> = {},
): Mutation<[inputs: Record<string, TensorInput>], InferResult> {
  const { version, outputs, parameters, headers } = options;
  const fn = useCallback(
    (signal: AbortSignal, inputs: Record<string, TensorInput>) =>
      client.infer(model, inputs, {
        signal,
        ...(version ? { version } : {}),
        ...(outputs ? { outputs } : {}),
        ...(parameters ? { parameters } : {}),
        ...(headers ? { headers } : {}),
      }),
    [client, model, version, outputs, parameters, headers],
  );
  return useMutation(fn);
}
