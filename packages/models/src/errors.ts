/**
 * Named errors of @shipml/models. Each carries an HTTP-like `status` (so a server that
 * resolves models at start-up can map them) and a stable `code` for scripts.
 */
export class ModelsError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(message: string, status: number, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
  }
}

/** The manifest cannot be read or is invalid; `problems` lists every bad field. */
export class ManifestError extends ModelsError {
  readonly problems: string[];
  constructor(message: string, problems: string[] = [], options?: { cause?: unknown }) {
    super(message, 400, 'MANIFEST_INVALID', options);
    this.problems = problems;
  }
}

/** A model id (or a file of it) is not declared in the manifest. */
export class UnknownModelError extends ModelsError {
  constructor(message: string) {
    super(message, 404, 'MODEL_UNKNOWN');
  }
}

/** A local (`npm:` / `file:`) source or a remote file (HTTP 404) does not exist. */
export class SourceNotFoundError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 404, 'SOURCE_NOT_FOUND', options);
  }
}

/** Bytes on disk or on the wire do not match the manifest's sha256 / size. */
export class IntegrityError extends ModelsError {
  readonly expected: string;
  readonly actual: string;
  constructor(message: string, expected: string, actual: string) {
    super(message, 500, 'INTEGRITY_MISMATCH');
    this.expected = expected;
    this.actual = actual;
  }
}

/** Offline mode is on and some files are not in the cache; `missing` names them. */
export class OfflineError extends ModelsError {
  readonly missing: string[];
  readonly command: string;
  constructor(message: string, missing: string[], command: string) {
    super(message, 503, 'OFFLINE_MISSING');
    this.missing = missing;
    this.command = command;
  }
}

/** A download failed for good (after retries), e.g. HTTP 403 or a server that kept failing. */
export class DownloadError extends ModelsError {
  readonly httpStatus: number | undefined;
  constructor(message: string, httpStatus?: number, options?: { cause?: unknown }) {
    super(message, 502, 'DOWNLOAD_FAILED', options);
    this.httpStatus = httpStatus;
  }
}

/** A transfer made no progress for longer than the stall timeout (after retries). */
export class DownloadTimeoutError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 504, 'DOWNLOAD_TIMEOUT', options);
  }
}
