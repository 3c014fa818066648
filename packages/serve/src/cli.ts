#!/usr/bin/env node
/**
 * `shipml-serve`: serve models from the command line.
 *
 *   shipml-serve --model mnist=./mnist.onnx --model ./classifier-dir [--port 3000]
 *   shipml-serve --config serve.json
 *
 * A `--model` value is `[name=]path`: `.onnx` files use the onnx backend, directories the tfjs
 * backend, `.js`/`.mjs` files the pipeline backend. `--config` reads ServeOptions as JSON
 * (relative paths are resolved against the config file). SIGTERM/SIGINT drain and exit 0; one
 * that arrives while the models load ends the process with 0 once they have loaded, unserved.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { createServer, type CreateServerOptions } from './create-server.js';
import { listen } from './listen.js';
import type { Backend, ModelConfig, ServeOptions } from './types.js';

const HELP = `Usage: shipml-serve [--model [name=]path]... [--config serve.json]
  --model       model to serve (.onnx file, tfjs directory, or pipeline .js/.mjs module)
  --config      JSON file with ServeOptions ({ "models": [...], ... })
  --port        port (default $PORT or 3000)
  --host        host (default $HOST or 0.0.0.0)
  --batch       maxBatchSize for --model models (default 1)
  --workers     workers per --model model (default 1)
  --threads     threads per worker (default 1)
  --fuse-graph  onnx --model models: fold element-wise chains into the convolutions (fuseGraph)
  --quiet       no request logs`;

function backendFor(path: string): Backend {
  if (statSync(path).isDirectory()) return 'tfjs';
  return ['.js', '.mjs'].includes(extname(path)) ? 'pipeline' : 'onnx';
}

function readConfig(file: string): ServeOptions {
  const config = JSON.parse(readFileSync(file, 'utf8')) as ServeOptions;
  const base = dirname(resolve(file));
  for (const m of config.models ?? []) {
    if (m.path) m.path = resolve(base, m.path);
  }
  return config;
}

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Creates the server; resolves undefined, with the worker pools closed, if SIGTERM/SIGINT came
 * meanwhile. The loading is not cut short: ONNX Runtime opens a session in one blocking call,
 * and a worker thread terminated inside it aborts the whole process when the call returns
 * (even `process.exit` waits for that call). As during `listen`'s drain, a second signal gets
 * Node's default and ends the process at once.
 */
async function createUnlessStopped(
  options: CreateServerOptions,
): Promise<FastifyInstance | undefined> {
  let stopped = false;
  const stop = (signal: NodeJS.Signals) => {
    for (const s of SIGNALS) process.off(s, stop);
    stopped = true;
    console.log(
      `${signal} received during startup: exiting without serving once the models have loaded ` +
        '(send it again to exit now)',
    );
  };
  for (const s of SIGNALS) process.on(s, stop);
  const app = await createServer(options).finally(() => {
    for (const s of SIGNALS) process.off(s, stop);
  });
  if (!stopped) return app;
  await app.close();
  return undefined;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', multiple: true, default: [] },
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      batch: { type: 'string' },
      workers: { type: 'string' },
      threads: { type: 'string' },
      'fuse-graph': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  const options: ServeOptions = values.config ? readConfig(values.config) : { models: [] };
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  for (const spec of values.model) {
    const eq = spec.indexOf('=');
    const path = resolve(eq > 0 ? spec.slice(eq + 1) : spec);
    const name = eq > 0 ? spec.slice(0, eq) : basename(path, extname(path));
    const model: ModelConfig = { name, path, backend: backendFor(path) };
    const [batch, workers, threads] = [num(values.batch), num(values.workers), num(values.threads)];
    if (batch !== undefined) model.maxBatchSize = batch;
    if (workers !== undefined) model.workers = workers;
    if (threads !== undefined) model.threadsPerWorker = threads;
    if (values['fuse-graph'] && model.backend === 'onnx') model.fuseGraph = true;
    options.models.push(model);
  }
  if (options.models.length === 0) {
    console.error(HELP);
    process.exit(2);
  }
  const app = await createUnlessStopped({
    ...options,
    fastify: { logger: values.quiet ? { level: 'warn' } : true },
  });
  if (!app) process.exit(0);
  const server = await listen(app, {
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.host ? { host: values.host } : {}),
  });
  await server.closed;
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
