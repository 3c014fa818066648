import { requestJson, type RequestOptions } from './http.js';

/** Options for {@link postFile}. */
export interface PostFileOptions extends RequestOptions {
  /**
   * How the file travels. `multipart` (default) sends `multipart/form-data` with the file under
   * `field`; `raw` sends the bytes as the body with the file's own content type.
   */
  encoding?: 'multipart' | 'raw';
  /** Multipart field name; default `'image'`. */
  field?: string;
  /** File name sent with a multipart upload; default the `File`'s name, else `'upload'`. */
  filename?: string;
}

/**
 * Uploads one file (a `File` from a picker, a `Blob` from a canvas or a fetched sample) to a
 * starter endpoint such as `POST /api/plates` and returns its JSON answer as `T`.
 * Rejects with `ShipmlApiError` (status 413 too large, 415 not an image, 503 busy, …).
 */
export function postFile<T>(url: string, file: Blob, opts: PostFileOptions = {}): Promise<T> {
  const { encoding = 'multipart', field = 'image', filename, ...request } = opts;
  if (encoding === 'raw') {
    return requestJson<T>(
      url,
      {
        method: 'POST',
        body: file,
        headers: {
          'content-type': file.type || 'application/octet-stream',
          accept: 'application/json',
        },
      },
      request,
    );
  }
  const form = new FormData();
  const name =
    filename ?? (typeof File !== 'undefined' && file instanceof File ? file.name : 'upload');
  form.append(field, file, name);
  // No content-type header: fetch sets multipart/form-data with its boundary.
  return requestJson<T>(
    url,
    { method: 'POST', body: form, headers: { accept: 'application/json' } },
    request,
  );
}

/** `GET url` → JSON `T`; errors as in {@link postFile}. */
export function getJson<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  return requestJson<T>(url, { method: 'GET', headers: { accept: 'application/json' } }, opts);
}

/** `POST url` with a JSON body → JSON `T`; errors as in {@link postFile}. */
export function postJson<T>(url: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
  return requestJson<T>(
    url,
    {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    },
    opts,
  );
}
