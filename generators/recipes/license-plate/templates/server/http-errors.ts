import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { UnsupportedUploadError, UploadTooLargeError } from './errors.js';

/**
 * Error handler for the upload route: every failure becomes `{"error": "..."}` with its status.
 * Fastify's and @fastify/multipart's own errors get messages a user can act on; errors carrying
 * `headers` (Retry-After on a 503) send them; anything without a 4xx/503 status is a logged 500.
 */
export function uploadErrorHandler(maxUploadBytes: number) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const error = translate(err, request, maxUploadBytes);
    const status = statusOf(error);
    if (status === undefined) {
      request.log.error({ err }, 'plate reading failed');
      void reply.code(500).send({ error: 'Internal server error' });
      return;
    }
    const headers = (error as { headers?: unknown }).headers;
    if (headers && typeof headers === 'object') void reply.headers(headers);
    if (status === 503 && !reply.hasHeader('retry-after')) void reply.header('retry-after', '1');
    void reply.code(status).send({ error: error.message });
  };
}

function translate(err: FastifyError, request: FastifyRequest, maxUploadBytes: number): Error {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new UploadTooLargeError(maxUploadBytes);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return new UnsupportedUploadError(request.headers['content-type'] ?? '(none)');
  }
  return err;
}

// 4xx and 503/504 are the client's or the load's doing; other statuses mean a bug.
function statusOf(err: Error): number | undefined {
  const status = (err as { statusCode?: unknown }).statusCode;
  if (typeof status !== 'number') return undefined;
  return (status >= 400 && status < 500) || status === 503 || status === 504 ? status : undefined;
}
