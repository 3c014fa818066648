import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One real prediction through an app's own API, as plain data in `deploy/smoke.json`, so the
 * container test is the same for every starter. The body is `json`, the bytes of `file` (a path
 * in the app), or the bytes the server itself answers at `from` (a sample it serves).
 */
export interface SmokeSpec {
  request: {
    method: string;
    path: string;
    json?: unknown;
    file?: string;
    from?: string;
    contentType?: string;
  };
  expect: {
    status: number;
    /** A regular expression the response body must match. */
    bodyMatches?: string;
  };
}

/** The request body, ready to send. */
export interface SmokeBody {
  bytes: Buffer;
  contentType: string;
}

/** Reads and checks `<appDir>/deploy/smoke.json`. */
export function loadSmokeSpec(appDir: string): SmokeSpec {
  const path = join(appDir, 'deploy', 'smoke.json');
  const spec = JSON.parse(readFileSync(path, 'utf8')) as SmokeSpec;
  const { request, expect } = spec;
  if (typeof request?.method !== 'string' || typeof request.path !== 'string') {
    throw new Error(`${path}: "request" needs "method" and "path"`);
  }
  const bodies = [request.json, request.file, request.from].filter((b) => b !== undefined);
  if (bodies.length > 1) throw new Error(`${path}: give one of "json", "file" or "from"`);
  if (typeof expect?.status !== 'number') throw new Error(`${path}: "expect" needs "status"`);
  return spec;
}

/** The body `spec` sends, or undefined for a request without one. */
export async function smokeBody(
  spec: SmokeSpec,
  baseUrl: string,
  appDir: string,
): Promise<SmokeBody | undefined> {
  const { request } = spec;
  if (request.json !== undefined) {
    return { bytes: Buffer.from(JSON.stringify(request.json)), contentType: 'application/json' };
  }
  const contentType = request.contentType ?? 'application/octet-stream';
  if (request.file !== undefined) {
    return { bytes: readFileSync(join(appDir, request.file)), contentType };
  }
  if (request.from !== undefined) {
    const res = await fetch(new URL(request.from, baseUrl));
    if (!res.ok) throw new Error(`GET ${request.from} answered ${res.status}`);
    return { bytes: Buffer.from(await res.arrayBuffer()), contentType };
  }
  return undefined;
}

/** Sends the request; resolves with the status, the body as text and the time it took, ms. */
export async function sendSmoke(
  spec: SmokeSpec,
  baseUrl: string,
  appDir: string,
): Promise<{ status: number; body: string; ms: number }> {
  const body = await smokeBody(spec, baseUrl, appDir);
  const started = performance.now();
  const res = await fetch(new URL(spec.request.path, baseUrl), {
    method: spec.request.method,
    ...(body && { body: body.bytes, headers: { 'content-type': body.contentType } }),
  });
  const text = await res.text();
  return { status: res.status, body: text, ms: Math.round(performance.now() - started) };
}

/** Throws unless the answer is the one `spec` expects. */
export function checkSmoke(spec: SmokeSpec, answer: { status: number; body: string }): void {
  const { status, bodyMatches } = spec.expect;
  if (answer.status !== status || (bodyMatches && !new RegExp(bodyMatches).test(answer.body))) {
    throw new Error(
      `${spec.request.method} ${spec.request.path} answered ${answer.status} ${answer.body.slice(0, 300)}; ` +
        `expected ${status}${bodyMatches ? ` matching /${bodyMatches}/` : ''}`,
    );
  }
}
