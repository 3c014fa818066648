import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file the mirror serves. LFS files redirect to the "CDN" like the real hub. */
export interface HubFile {
  /** `owner/name` */
  repo: string;
  /** Path inside the repo, e.g. `onnx/model.onnx`. */
  path: string;
  data: Buffer;
  commit: string;
  /** Branch names that point at `commit` (default ['main']). */
  refs?: string[];
  lfs?: boolean;
}

/** A failure to inject (see `fail()`): what the network and the hub do on a bad day. */
export type HubFault =
  | { type: 'drop'; afterBytes: number }
  | { type: 'stall'; afterBytes: number }
  | { type: 'wrong-bytes' }
  | { type: 'status'; status: number; retryAfter?: string }
  /** Serve slowly: `chunk` bytes every `everyMs`. */
  | { type: 'slow'; chunk: number; everyMs: number };

/** A request the mirror received, with the status it answered. */
export interface LoggedRequest {
  method: string;
  url: string;
  range: string | undefined;
  authorization: string | undefined;
  status: number;
  at: number;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const gitSha1 = (b: Buffer): string =>
  createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');

/**
 * A real HTTP server on loopback laid out like huggingface.co, for testing hub downloads
 * without the hub (point `HF_ENDPOINT` at its `url`): `/{repo}/resolve/{rev}/{path}` (HEAD and
 * GET, with Range) answers with X-Repo-Commit, ETag / X-Linked-Etag, X-Linked-Size and, for
 * LFS files, a 302 to `/cdn/<sha256>` on `localhost` (another origin than the 127.0.0.1
 * endpoint, as a CDN is). Like the hub, an unknown repo is a 401 `RepositoryNotFound`, an
 * unknown revision a 404 `RevisionNotFound`, an unknown file a 404 `EntryNotFound`.
 * Faults queued with `fail()` hit the next requests that carry the bytes.
 */
export async function serveHubMirror(files: HubFile[]) {
  const requests: LoggedRequest[] = [];
  const faults: { match: string; fault: HubFault }[] = [];
  const stalled = new Set<ServerResponse>();
  let port = 0;

  const find = (repo: string, rev: string, path: string) =>
    files.find(
      (f) =>
        f.repo === repo &&
        f.path === path &&
        (f.commit === rev || (f.refs ?? ['main']).includes(rev)),
    );

  // The hub's answers for what it does not have (anonymous callers get 401 for a missing repo,
  // so as not to tell a private repo from none).
  const notFound = (res: ServerResponse, repo?: string, rev?: string) => {
    const inRepo = files.filter((f) => f.repo === repo);
    const [status, code, error] =
      inRepo.length === 0
        ? [401, 'RepositoryNotFound', 'Repository not found']
        : !inRepo.some((f) => f.commit === rev || (f.refs ?? ['main']).includes(rev ?? ''))
          ? [404, 'RevisionNotFound', 'Invalid rev id']
          : [404, 'EntryNotFound', 'Entry not found'];
    res.writeHead(status, { 'x-error-code': code, 'content-type': 'application/json' });
    res.end(JSON.stringify({ error }));
  };

  const hubHeaders = (f: HubFile): Record<string, string> => ({
    'x-repo-commit': f.commit,
    'accept-ranges': 'bytes',
    ...(f.lfs
      ? {
          'x-linked-etag': `"${sha256(f.data)}"`,
          'x-linked-size': String(f.data.length),
          etag: '"redirect-etag"',
        }
      : { etag: `"${gitSha1(f.data)}"` }),
  });

  const serveBytes = (
    req: IncomingMessage,
    res: ServerResponse,
    data: Buffer,
    extra: Record<string, string>,
  ) => {
    const fault = takeFault(req.url ?? '', req.method === 'HEAD');
    if (fault?.type === 'status') {
      res.writeHead(fault.status, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
      res.end(JSON.stringify({ error: `injected ${fault.status}` }));
      return;
    }
    let body = fault?.type === 'wrong-bytes' ? Buffer.from(data.map((b) => b ^ 0xff)) : data;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = m ? Number(m[1]) : 0;
    if (start >= body.length && body.length > 0) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` });
      res.end();
      return;
    }
    const headers: Record<string, string> = {
      ...extra,
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
      'content-length': String(body.length - start),
    };
    if (m) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    res.writeHead(m ? 206 : 200, headers);
    body = body.subarray(start);
    if (req.method === 'HEAD') return void res.end();
    if (fault?.type === 'drop') {
      res.write(body.subarray(0, fault.afterBytes), () => res.socket?.destroy());
    } else if (fault?.type === 'stall') {
      stalled.add(res);
      res.write(body.subarray(0, fault.afterBytes)); // …and nothing more
    } else if (fault?.type === 'slow') {
      let at = 0;
      const tick = () => {
        if (res.destroyed) return;
        res.write(body.subarray(at, at + fault.chunk));
        at += fault.chunk;
        if (at >= body.length) res.end();
        else setTimeout(tick, fault.everyMs);
      };
      tick();
    } else {
      res.end(body);
    }
  };

  // Status faults hit any request; byte faults only requests that carry the bytes (GET).
  const takeFault = (url: string, statusOnly: boolean): HubFault | undefined => {
    const i = faults.findIndex(
      (f) => url.includes(f.match) && (!statusOnly || f.fault.type === 'status'),
    );
    return i < 0 ? undefined : faults.splice(i, 1)[0]?.fault;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      url: url.pathname,
      range: req.headers.range,
      authorization: req.headers.authorization,
      status: 0,
      at: Date.now(),
    };
    requests.push(entry);
    const origWriteHead = res.writeHead.bind(res);
    res.writeHead = (status: number, ...rest: never[]) => {
      entry.status = status;
      return origWriteHead(status, ...rest);
    };

    const cdn = /^\/cdn\/([0-9a-f]{64})$/.exec(url.pathname);
    if (cdn) {
      const f = files.find((x) => sha256(x.data) === cdn[1]);
      if (!f) return void res.writeHead(404).end();
      return serveBytes(req, res, f.data, { etag: `"${cdn[1]}"` });
    }
    const m = /^\/(?:(datasets|spaces)\/)?([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(
      url.pathname,
    );
    const f = m && find(m[2]!, decodeURIComponent(m[3]!), decodeURIComponent(m[4]!));
    if (!m || !f) return void notFound(res, m?.[2], m ? decodeURIComponent(m[3]!) : undefined);
    if (f.lfs) {
      const fault = takeFault(url.pathname, true);
      if (fault?.type === 'status') {
        res.writeHead(fault.status, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
        return void res.end(JSON.stringify({ error: `injected ${fault.status}` }));
      }
      res.writeHead(302, {
        ...hubHeaders(f),
        location: `http://localhost:${port}/cdn/${sha256(f.data)}`,
        'content-length': '0',
      });
      return void res.end();
    }
    serveBytes(req, res, f.data, hubHeaders(f));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    /** Queue a fault for the next request whose path contains `match`. */
    fail(match: string, fault: HubFault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ match, fault });
    },
    pendingFaults: () => faults.length,
    async close() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type HubMirror = Awaited<ReturnType<typeof serveHubMirror>>;
