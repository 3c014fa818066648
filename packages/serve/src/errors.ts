/**
 * Errors @shipml/serve raises. Each carries the HTTP status it maps to; the error handler the
 * plugin installs answers `{"error": message}` with that status (and `headers`, e.g. Retry-After).
 *
 * | class                   | code                      | status |
 * | ----------------------- | ------------------------- | ------ |
 * | InvalidInputError       | SHIPML_INVALID_INPUT      | 400    |
 * | ModelNotFoundError      | SHIPML_MODEL_NOT_FOUND    | 404    |
 * | GenerateInputError      | SHIPML_GENERATE_INPUT     | 422    |
 * | UnsupportedMediaError    | SHIPML_UNSUPPORTED_MEDIA  | 415    |
 * | ClientClosedError       | SHIPML_CLIENT_CLOSED      | 499    |
 * | ConfigError             | SHIPML_CONFIG             | 500    |
 * | ModelLoadError          | SHIPML_MODEL_LOAD         | 500    |
 * | InferenceError          | SHIPML_INFERENCE_FAILED   | 500    |
 * | QueueFullError          | SHIPML_QUEUE_FULL         | 503    |
 * | BusyError               | SHIPML_BUSY               | 503    |
 * | NotReadyError           | SHIPML_NOT_READY          | 503    |
 * | DeadlineExceededError   | SHIPML_DEADLINE_EXCEEDED  | 504    |
 */
export class ServeError extends Error {
  readonly statusCode: number;
  readonly code: string;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  readonly headers: Record<string, string>;

  constructor(
    message: string,
    statusCode = 500,
    code = 'SHIPML_ERROR',
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
  }
}

/** Bad tensor, datatype, shape, or request body. */
export class InvalidInputError extends ServeError {
  constructor(message: string) {
    super(message, 400, 'SHIPML_INVALID_INPUT');
  }
}

export class ModelNotFoundError extends ServeError {
  constructor(name: string, version?: string) {
    const what = version === undefined ? `'${name}'` : `'${name}' version '${version}'`;
    super(`Model ${what} not found`, 404, 'SHIPML_MODEL_NOT_FOUND');
  }
}

/** Invalid generate request (generate_rest.yaml answers input validation errors with 422). */
export class GenerateInputError extends ServeError {
  constructor(message: string) {
    super(message, 422, 'SHIPML_GENERATE_INPUT');
  }
}

/** The body is not JSON (the V2 routes take `application/json` only). */
export class UnsupportedMediaError extends ServeError {
  constructor(contentType: string | undefined) {
    super(
      `Unsupported content type ${JSON.stringify(contentType ?? '')}: send application/json`,
      415,
      'SHIPML_UNSUPPORTED_MEDIA',
    );
  }
}

/** The caller aborted (client disconnected); nobody reads the answer. */
export class ClientClosedError extends ServeError {
  constructor() {
    super('Request aborted by the client', 499, 'SHIPML_CLIENT_CLOSED');
  }
}

/** The server options are wrong (a programming error, found at startup). */
export class ConfigError extends ServeError {
  constructor(message: string) {
    super(message, 500, 'SHIPML_CONFIG');
  }
}

export class ModelLoadError extends ServeError {
  constructor(name: string, cause: unknown) {
    super(`Model '${name}' failed to load: ${messageOf(cause)}`, 500, 'SHIPML_MODEL_LOAD');
  }
}

export class InferenceError extends ServeError {
  constructor(name: string, cause: unknown) {
    super(`Inference on '${name}' failed: ${messageOf(cause)}`, 500, 'SHIPML_INFERENCE_FAILED');
  }
}

/** The model's queue is full; retry after `retryAfterS` seconds. */
export class QueueFullError extends ServeError {
  constructor(name: string, retryAfterS: number) {
    super(`Model '${name}' is overloaded, retry later`, 503, 'SHIPML_QUEUE_FULL', {
      'retry-after': String(retryAfterS),
    });
  }
}

/** An app's own admission queue (`Admission`) is full; retry after `retryAfterS` seconds. */
export class BusyError extends ServeError {
  constructor(retryAfterS = 1, message = 'The server is busy; try again in a moment.') {
    super(message, 503, 'SHIPML_BUSY', { 'retry-after': String(retryAfterS) });
  }
}

export class NotReadyError extends ServeError {
  constructor(message: string, retryAfterS = 1) {
    super(message, 503, 'SHIPML_NOT_READY', { 'retry-after': String(retryAfterS) });
  }
}

export class DeadlineExceededError extends ServeError {
  constructor(message = 'Deadline exceeded') {
    super(message, 504, 'SHIPML_DEADLINE_EXCEEDED');
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
