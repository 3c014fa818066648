import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { smokeBody, type SmokeSpec } from './smoke-spec.js';

/**
 * Proves the drain: starts the smoke request but holds back the second half of its body, so the
 * request is in flight; calls `stop` (SIGTERM to the container); waits until the server has
 * stopped taking new work (readiness fails or the port refuses); then sends the rest. The
 * request must still get its full answer. Resolves with that answer.
 */
export async function requestAcrossShutdown(
  spec: SmokeSpec,
  baseUrl: string,
  appDir: string,
  stop: () => Promise<void>,
): Promise<{ status: number; body: string }> {
  const body = await smokeBody(spec, baseUrl, appDir);
  if (!body || body.bytes.length < 2) {
    throw new Error('deploy/smoke.json: the drain check needs a request with a body');
  }
  const half = Math.floor(body.bytes.length / 2);
  const url = new URL(spec.request.path, baseUrl);
  const req = request(url, {
    method: spec.request.method,
    headers: { 'content-type': body.contentType, 'content-length': body.bytes.length },
    agent: false,
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  req.write(body.bytes.subarray(0, half));
  // The server has parsed the headers and is reading the body: the request is in flight.
  await sleep(500);
  await stop();
  await waitUntilNotReady(new URL('/v2/health/ready', baseUrl).href, 15_000);
  req.end(body.bytes.subarray(half));
  return answer;
}

async function waitUntilNotReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (!res.ok) return; // 503: draining
    } catch {
      return; // refused: no longer listening
    }
    await sleep(100);
  }
  throw new Error(`${url} still answered ready ${timeoutMs} ms after SIGTERM`);
}
