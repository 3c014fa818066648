import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * A small real V2 server for the client tests: one model, `double` (FP32 `x` → FP32 `y = 2x`,
 * INT64 `n` echoed as `m`), a streaming route, an upload route and routes that fail on purpose.
 */
export async function startTestServer(
  extraRoutes?: (app: FastifyInstance) => void,
): Promise<{ app: FastifyInstance; baseUrl: string; closedStreams: () => number }> {
  // Aborted calls leave requests hanging on purpose; close must not wait for them.
  const app = Fastify({ forceCloseConnections: true });
  await app.register(multipart, { limits: { fileSize: 1024 * 1024 } });
  let ready = true;
  let closedStreams = 0;

  app.get('/v2/health/live', async () => ({ live: true }));
  app.get('/v2/health/ready', async (_req, reply) =>
    ready ? {} : reply.code(503).send({ error: 'loading' }),
  );
  app.post('/test/ready', async (req) => {
    ready = (req.body as { ready: boolean }).ready;
    return {};
  });
  app.get('/v2', async () => ({ name: 'test', version: '1.2.3', extensions: ['generate'] }));
  app.get('/v2/models/double', async () => ({
    name: 'double',
    versions: ['1'],
    platform: 'onnxruntime',
    inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 2] }],
    outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 2] }],
  }));
  app.get('/v2/models/double/ready', async () => ({}));
  app.get('/v2/models/:name', async (req, reply) =>
    reply.code(404).send({ error: `Unknown model "${(req.params as { name: string }).name}"` }),
  );

  interface Input {
    name: string;
    datatype: string;
    shape: number[];
    data: number[];
  }
  app.post('/v2/models/double/infer', async (req, reply) => {
    const body = req.body as { id?: string; inputs: Input[]; outputs?: { name: string }[] };
    const x = body.inputs.find((i) => i.name === 'x');
    if (!x || x.datatype !== 'FP32' || !x.data.every((v) => typeof v === 'number')) {
      return reply.code(400).send({ error: 'input "x" must be FP32 numbers' });
    }
    const outputs = [
      { name: 'y', datatype: 'FP32', shape: x.shape, data: x.data.map((v) => v * 2) },
    ];
    const n = body.inputs.find((i) => i.name === 'n');
    if (n) outputs.push({ name: 'm', datatype: n.datatype, shape: n.shape, data: n.data });
    const wanted = body.outputs?.map((o) => o.name);
    return {
      model_name: 'double',
      model_version: '1',
      ...(body.id ? { id: body.id } : {}),
      outputs: wanted ? outputs.filter((o) => wanted.includes(o.name)) : outputs,
    };
  });

  // Streams `count` events, deliberately split mid-line across writes to exercise the parser.
  app.post('/v2/models/double/generate_stream', (req, reply) => {
    const {
      count = 3,
      failAt,
      delayMs = 0,
    } = req.body as { count?: number; failAt?: number; delayMs?: number };
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.on('close', () => {
      if (!res.writableFinished) closedStreams++;
    });
    let i = 0;
    const tick = () => {
      if (res.destroyed) return;
      if (i === failAt) {
        res.end(`event: error\ndata: {"error":"generation failed at ${i}"}\n\n`);
        return;
      }
      if (i >= count) {
        res.end('data: [DONE]\n\n');
        return;
      }
      const text = `: comment\r\nid: ${i}\r\ndata: {"text_output":"tok${i}",\r\ndata: "index":${i}}\r\n\r\n`;
      const cut = Math.floor(text.length / 2);
      res.write(text.slice(0, cut));
      setTimeout(() => {
        if (res.destroyed) return;
        res.write(text.slice(cut));
        i++;
        setTimeout(tick, delayMs);
      }, 5);
    };
    tick();
  });

  app.post('/api/upload', async (req, reply) => {
    if (req.isMultipart()) {
      const file = await req.file();
      if (!file) return reply.code(400).send({ error: 'missing file' });
      const bytes = await file.toBuffer();
      return {
        encoding: 'multipart',
        field: file.fieldname,
        filename: file.filename,
        type: file.mimetype,
        size: bytes.length,
        first: bytes[0],
      };
    }
    const bytes = req.body as Buffer;
    return {
      encoding: 'raw',
      type: req.headers['content-type'],
      size: bytes.length,
      first: bytes[0],
    };
  });
  app.addContentTypeParser(
    ['image/png', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  app.get('/api/too-large', async (_req, reply) =>
    reply.code(413).send({ error: 'Photo is larger than 10 MB' }),
  );
  app.get('/api/busy', async (_req, reply) =>
    reply.code(503).header('retry-after', '2').send({ error: 'Too many requests in flight' }),
  );
  app.get('/api/html-error', async (_req, reply) =>
    reply.code(502).type('text/html').send('<html>bad gateway</html>'),
  );
  app.get('/api/not-json', async (_req, reply) => reply.type('text/plain').send('hello'));
  app.get('/api/headers', async (req) => ({ apiKey: req.headers['x-api-key'] ?? null }));
  app.get('/api/slow', async () => {
    await new Promise((r) => setTimeout(r, 2000));
    return { slow: true };
  });
  app.get('/api/echo/:value', async (req) => {
    const { value } = req.params as { value: string };
    const delay = Number((req.query as { delay?: string }).delay ?? 0);
    await new Promise((r) => setTimeout(r, delay));
    if (value === 'fail') throw Object.assign(new Error('echo failed'), { statusCode: 422 });
    return { value };
  });

  extraRoutes?.(app);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseUrl: address, closedStreams: () => closedStreams };
}
