import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  /** Default `PORT` env or 3000. */
  port?: number;
  /** Default `HOST` env or `0.0.0.0`. */
  host?: string;
  /** Override of the app's `drainTimeoutMs`, ms. */
  drainTimeoutMs?: number;
  /** Signals that start a graceful shutdown. Default SIGTERM and SIGINT. */
  signals?: NodeJS.Signals[];
}

export interface Listening {
  /** e.g. `http://127.0.0.1:3000` */
  address: string;
  /** Resolves once a signal-triggered shutdown has finished (then the process may exit 0). */
  closed: Promise<void>;
  /** Starts the same graceful shutdown as a signal does. */
  shutdown(): Promise<void>;
}

/**
 * Listens and handles graceful shutdown: on SIGTERM/SIGINT the server reports not ready,
 * stops accepting connections, lets in-flight requests and streams finish (up to the drain
 * timeout, then closes what is left), stops the worker pools, and resolves `closed`.
 */
export async function listen(app: FastifyInstance, opts: ListenOptions = {}): Promise<Listening> {
  const port = opts.port ?? Number(process.env.PORT ?? 3000);
  const host = opts.host ?? process.env.HOST ?? '0.0.0.0';
  const drainMs = opts.drainTimeoutMs ?? app.inference?.drainTimeoutMs ?? 10_000;
  const signals = opts.signals ?? ['SIGTERM', 'SIGINT'];

  let resolveClosed!: () => void;
  let rejectClosed!: (err: unknown) => void;
  const closed = new Promise<void>((resolve, reject) => {
    resolveClosed = resolve;
    rejectClosed = reject;
  });
  closed.catch(() => {}); // reported through whoever awaits `closed` or `shutdown()`

  let closing: Promise<void> | undefined;
  const drainAndClose = async () => {
    for (const s of signals) process.off(s, onSignal);
    app.inference?.drain();
    app.log.info('draining: finishing in-flight requests');
    // Past the drain timeout, cut the remaining connections so close() can complete.
    const force = setTimeout(() => app.server.closeAllConnections(), drainMs);
    try {
      await app.close();
    } finally {
      clearTimeout(force);
    }
  };
  const shutdown = (): Promise<void> => {
    closing ??= drainAndClose().then(resolveClosed, (err: unknown) => {
      rejectClosed(err);
      throw err;
    });
    return closing;
  };
  function onSignal(signal: NodeJS.Signals): void {
    app.log.info(`${signal} received, shutting down`);
    shutdown().catch(() => {});
  }
  for (const s of signals) process.on(s, onSignal);

  const address = await app.listen({ port, host });
  return { address, closed, shutdown };
}
