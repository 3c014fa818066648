import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getFreePort, nextTokenModel, waitForHttp } from '@shipml/test-utils';
import { describe, expect, it } from 'vitest';
import { createServer, listen } from '../index.js';
import { alphabetPipeline, metricValue, modelDir, slowModel } from './helpers.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const slowLoadPipeline = fileURLToPath(new URL('./slow-load-pipeline.mjs', import.meta.url));
const dir = modelDir();

/** Runs the CLI on `serveConfig` (written to `<name>.json`); `exited` says how it ended. */
async function startCli(name: string, serveConfig: object) {
  const config = join(dir.path, `${name}.json`);
  writeFileSync(config, JSON.stringify(serveConfig));
  const port = await getFreePort();
  const child = spawn(
    process.execPath,
    [cli, '--config', config, '--port', String(port), '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, base: `http://127.0.0.1:${port}`, output: () => stdout };
}

/** Runs the CLI on a pipeline whose load takes `loadMs`; resolves once that load has begun. */
async function startLoadingCli(loadMs: number) {
  const models = [
    { name: 'slow-load', backend: 'pipeline', path: slowLoadPipeline, options: { loadMs } },
  ];
  const server = await startCli(`slow-load-${loadMs}`, { models });
  await expect.poll(server.output, { timeout: 30_000 }).toContain('slow-load pipeline: loading');
  return server;
}

/** The slow model, written once for every CLI test that needs requests in flight. */
let slowModelPath: string | undefined;
const slowModelFile = () => (slowModelPath ??= dir.write('slow.onnx', slowModel()));

const pendingRequests = async (base: string, model: string) =>
  metricValue(await (await fetch(`${base}/metrics`)).text(), 'shipml_pending_requests', model);

/** Polls `url` until `until` settles: true as soon as it answers, false if it never did. */
async function everAnswered(url: string, until: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void until.finally(() => (settled = true));
  while (!settled) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('shipml-serve CLI', () => {
  it('on SIGTERM finishes in-flight requests and streams, then exits 0', async () => {
    const { child, exited, base } = await startCli('serve', {
      drainTimeoutMs: 30_000,
      models: [
        { name: 'slow', backend: 'onnx', path: slowModelFile() },
        {
          name: 'letters',
          backend: 'pipeline',
          path: alphabetPipeline,
          options: { modelPath: dir.write('next.onnx', nextTokenModel(27)), tokenDelayMs: 30 },
        },
      ],
    });
    try {
      await waitForHttp(`${base}/v2/health/ready`, 60_000);
      const payload = JSON.stringify({
        inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 8], data: Array(8).fill(1) }],
      });
      const post = (path: string, body: string) =>
        fetch(base + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      const infers = Array.from({ length: 4 }, () => post('/v2/models/slow/infer', payload));
      const stream = await post(
        '/v2/models/letters/generate_stream',
        JSON.stringify({ text_input: 'a', parameters: { max_tokens: 100 } }),
      );
      expect(stream.status).toBe(200);
      const streamText = stream.text();
      // All four inferences are queued or running before the signal.
      await expect.poll(() => pendingRequests(base, 'slow')).toBe(4);

      child.kill('SIGTERM');

      const answers = await Promise.all(infers);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      for (const r of answers)
        expect(((await r.json()) as { outputs: unknown[] }).outputs).toHaveLength(1);
      const tokens = (await streamText)
        .split('\n\n')
        .filter((e) => e.startsWith('data: '))
        .map((e) => (JSON.parse(e.slice(6)) as { text_output: string }).text_output);
      expect(tokens.join('')).toBe('bcdefghijklmnopqrstuvwxyz');
      expect(await exited).toEqual({ code: 0, signal: null });
      // The port is closed once it has exited.
      await expect(fetch(`${base}/v2/health/live`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('past the drain timeout, cuts connections but lets a running inference end, then exits 0', async () => {
    const { child, exited, base } = await startCli('short-drain', {
      drainTimeoutMs: 200,
      models: [{ name: 'slow', backend: 'onnx', path: slowModelFile() }],
    });
    try {
      await waitForHttp(`${base}/v2/health/ready`, 60_000);
      // 64 rows through 120 layers: a run that outlasts the drain timeout several times over.
      const rows = 64;
      const answer = fetch(`${base}/v2/models/slow/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          inputs: [
            { name: 'x', datatype: 'FP32', shape: [rows, 8], data: Array(rows * 8).fill(1) },
          ],
        }),
      }).then(
        (r) => r.status,
        () => 'connection closed',
      );
      await expect.poll(() => pendingRequests(base, 'slow')).toBe(1);

      child.kill('SIGTERM');

      expect(await answer).toBe('connection closed');
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('on SIGTERM while the models load, exits 0 without ever listening', async () => {
    const server = await startLoadingCli(2000);
    try {
      server.child.kill('SIGTERM');
      expect(await everAnswered(`${server.base}/v2/health/live`, server.exited)).toBe(false);
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain('SIGTERM received during startup');
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('a second signal while the models load ends the process at once', async () => {
    // Longer than this test waits for anything: only the second signal can end it in time.
    const server = await startLoadingCli(30_000);
    try {
      server.child.kill('SIGTERM');
      await expect.poll(server.output).toContain('SIGTERM received during startup');
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' });
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

/** A raw HTTP/1.1 POST of `body` as JSON, to write on a socket. */
function rawPost(path: string, body: unknown): string {
  const json = JSON.stringify(body);
  return (
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`
  );
}

/** Status, lower-cased headers and body of one raw HTTP/1.1 response with a Content-Length. */
function parseResponse(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [
      l.slice(0, l.indexOf(':')).toLowerCase(),
      l.slice(l.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('listen', () => {
  it('while draining, refuses a request pipelined on an open connection with a 503 in the error shape', async () => {
    const modelPath = dir.write('next-pipelined.onnx', nextTokenModel(27));
    const app = await createServer({
      models: [
        {
          name: 'letters',
          backend: 'pipeline',
          path: alphabetPipeline,
          options: { modelPath, tokenDelayMs: 40 },
        },
      ],
    });
    const { address, shutdown } = await listen(app, { port: 0, host: '127.0.0.1', signals: [] });
    const socket = connect(Number(new URL(address).port), '127.0.0.1');
    try {
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
      const socketClosed = once(socket, 'close');
      await once(socket, 'connect');
      const request = { text_input: 'a', parameters: { max_tokens: 100 } };
      socket.write(rawPost('/v2/models/letters/generate_stream', request));
      // The stream is under way, and keeps the drain going, when the shutdown begins.
      await expect.poll(() => received).toContain('data: ');
      const closed = shutdown();
      // Sent before the stream's response ends, so it reaches the server on this connection.
      socket.write(rawPost('/v2/models/letters/generate', request));
      await socketClosed;
      await closed;

      const [stream = '', refused = ''] = received.split(/(?=HTTP\/1\.1 )/);
      expect(stream).toMatch(/^HTTP\/1\.1 200 /);
      const tokens = stream
        .split('\n\n')
        .flatMap((e) => (e.includes('data: ') ? [e.slice(e.indexOf('data: ') + 6)] : []))
        .map((e) => (JSON.parse(e) as { text_output: string }).text_output);
      expect(tokens.join('')).toBe('bcdefghijklmnopqrstuvwxyz');
      const { status, headers, body } = parseResponse(refused);
      expect(status).toBe(503);
      expect(headers).toMatchObject({ 'retry-after': '1', connection: 'close' });
      expect(headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(body)).toEqual({ error: 'Server is shutting down' });
    } finally {
      socket.destroy();
      await shutdown();
    }
  });
});
