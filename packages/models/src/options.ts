import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { getHFHubCachePath } from '@huggingface/hub';

/** What {@link resolveModel} reports while it works (the CLI draws progress bars from these). */
export type ResolveEvent =
  | { type: 'cached'; model: string; file: string; path: string }
  | {
      type: 'download-start';
      model: string;
      file: string;
      url: string;
      total: number;
      offset: number;
    }
  | { type: 'progress'; model: string; file: string; bytes: number; total: number }
  | { type: 'retry'; model: string; file: string; attempt: number; delayMs: number; reason: string }
  | { type: 'download-done'; model: string; file: string; path: string; bytes: number }
  | { type: 'waiting-for-lock'; model: string; file: string; lock: string };

export interface ResolveOptions {
  /** Never touch the network. Default: `SHIPML_OFFLINE=1` or `HF_HUB_OFFLINE=1`. */
  offline?: boolean;
  /**
   * Cache root: hub files go to `<cacheDir>/hub` (Hugging Face layout), URL files to
   * `<cacheDir>/shipml/url`. Default: `SHIPML_CACHE`, else the Hugging Face cache
   * (`HF_HUB_CACHE` / `$HF_HOME/hub` / `~/.cache/huggingface/hub`).
   */
  cacheDir?: string;
  /** Hub base URL (a mirror). Default: `HF_ENDPOINT` or https://huggingface.co. */
  endpoint?: string;
  /** Hub access token, sent only to the hub endpoint. Default: `HF_TOKEN`. */
  token?: string;
  /** How to check files already on disk: full sha256 (default) or size only (fast for large models). */
  verify?: 'hash' | 'size';
  /** A transfer that receives no byte for this long is aborted and retried. Default 30 000 ms. */
  stallTimeoutMs?: number;
  /** Retries after a failed attempt (429, 5xx, dropped or stalled connection). Default 5. */
  retries?: number;
  /** First backoff delay; doubles each retry (with jitter). Default 500 ms. */
  retryDelayMs?: number;
  /** Upper bound for a backoff delay and for a server's `Retry-After`. Default 60 000 ms. */
  maxRetryDelayMs?: number;
  onEvent?: (event: ResolveEvent) => void;
  signal?: AbortSignal;
}

/** Options with every default filled in from the environment. */
export interface Settings {
  offline: boolean;
  hubDir: string;
  urlDir: string;
  endpoint: string;
  token: string | undefined;
  verify: 'hash' | 'size';
  stallTimeoutMs: number;
  retries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  onEvent: (event: ResolveEvent) => void;
  signal: AbortSignal | undefined;
}

const truthy = (v: string | undefined): boolean => !!v && /^(1|true|yes|on)$/i.test(v);

/** True when the environment asks for offline mode. */
export function offlineFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return truthy(env.SHIPML_OFFLINE) || truthy(env.HF_HUB_OFFLINE);
}

/** Cache directories: `hub` (Hugging Face layout) and `url` (shipml's area for https sources). */
export function cacheDirs(cacheDir?: string): { hub: string; url: string } {
  const env = process.env;
  const root = cacheDir ?? env.SHIPML_CACHE;
  if (root) return { hub: resolve(root, 'hub'), url: resolve(root, 'shipml', 'url') };
  const hfHome =
    env.HF_HOME ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'huggingface');
  // @huggingface/hub picks the hub directory the way Python's huggingface_hub does
  // (HF_HUB_CACHE, then HF_HOME/hub, then XDG_CACHE_HOME or ~/.cache), so both share files.
  return { hub: resolve(getHFHubCachePath()), url: resolve(hfHome, 'shipml', 'url') };
}

export function settings(opts: ResolveOptions = {}): Settings {
  const env = process.env;
  const dirs = cacheDirs(opts.cacheDir);
  return {
    offline: opts.offline ?? offlineFromEnv(env),
    hubDir: dirs.hub,
    urlDir: dirs.url,
    endpoint: (opts.endpoint ?? env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, ''),
    token: opts.token ?? env.HF_TOKEN ?? env.HUGGING_FACE_HUB_TOKEN,
    verify: opts.verify ?? 'hash',
    stallTimeoutMs: opts.stallTimeoutMs ?? 30_000,
    retries: opts.retries ?? 5,
    retryDelayMs: opts.retryDelayMs ?? 500,
    maxRetryDelayMs: opts.maxRetryDelayMs ?? 60_000,
    onEvent: opts.onEvent ?? (() => {}),
    signal: opts.signal,
  };
}
