import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the mirror received. */
export interface FileRequest {
  method: string;
  path: string;
  range: string | undefined;
}

/**
 * A plain static file server on loopback, laid out like files.grouplens.org (`/datasets/…`):
 * GET and HEAD with Content-Length, and Range requests (206). `dropNext(path, n)` makes the next
 * GET of `path` * send `n` bytes of its body and then cut the connection, as a flaky network does.
 */
export async function serveFiles(files: Record<string, Buffer | string>) {
  const requests: FileRequest[] = [];
  const drops = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? '', path, range: req.headers.range });
    const body = files[path];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
      return;
    }
    const data = Buffer.from(body);
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const part = data.subarray(start);
    res.writeHead(range ? 206 : 200, {
      'content-length': part.length,
      'accept-ranges': 'bytes',
      ...(range && { 'content-range': `bytes ${start}-${data.length - 1}/${data.length}` }),
    });
    if (req.method === 'HEAD') return void res.end();
    const drop = drops.get(path);
    if (drop !== undefined) {
      drops.delete(path);
      res.write(part.subarray(0, drop), () => res.destroy());
      return;
    }
    res.end(part);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Cut the next GET of `path` after `bytes` bytes of body. */
    dropNext: (path: string, bytes: number) => void drops.set(path, bytes),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export type FileMirror = Awaited<ReturnType<typeof serveFiles>>;
