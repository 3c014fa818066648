import { getFreePort } from './ports.js';

/** What `startApp` needs of a server: fastify's `listen` and `close`. */
export interface ListenableApp {
  listen(opts: { port: number; host: string }): Promise<string>;
  close(): Promise<unknown>;
}

export interface RunningApp {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the app with `build` (the starter's `buildApp`, serving the built page) and listens on
 * a free loopback port, in this process: what a browser test drives.
 */
export async function startApp(build: () => Promise<ListenableApp>): Promise<RunningApp> {
  const app = await build();
  const port = await getFreePort();
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
    },
  };
}
