import { useCallback } from 'react';
import { postFile, type PostFileOptions } from '../api.js';
import { useMutation, type Mutation } from './use-mutation.js';

/**
 * Uploads a file to a starter endpoint and tracks the answer:
 * `const plates = useUpload<PlateReading>('/api/plates'); plates.run(file)`.
 * `options` (field name, encoding, headers) are read at call time.
 */
export function useUpload<T>(
  url: string,
  options: Omit<PostFileOptions, 'signal'> = {},
): Mutation<[file: Blob], T> {
  const { encoding, field, filename, headers, fetch } = options;
  const fn = useCallback(
    (signal: AbortSignal, file: Blob) =>
      postFile<T>(url, file, {
        signal,
        ...(encoding ? { encoding } : {}),
        ...(field ? { field } : {}),
        ...(filename ? { filename } : {}),
        ...(headers ? { headers } : {}),
        ...(fetch ? { fetch } : {}),
      }),
    [url, encoding, field, filename, headers, fetch],
  );
  return useMutation(fn);
}
