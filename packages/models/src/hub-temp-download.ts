import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DownloadError } from './errors.js';
import type { HubFileInfo } from './hub.js';
import type { Settings } from './options.js';
import { fileSize, transferWithRetries } from './transfer.js';

/**
 * Downloads a small hub file (found by {@link headHubFile}) to a temporary file, with retries
 * and resume, hands `use` its path and byte count, and deletes it. `maxBytes` fetches only the
 * start of a longer file. Throws {@link DownloadError} when the hub gives no size or the bytes
 * received are not that many.
 */
export async function withHubTempFile<T>(
  what: string,
  info: HubFileInfo,
  s: Settings,
  ev: { model: string; file: string },
  use: (path: string, size: number) => Promise<T>,
  maxBytes = Infinity,
): Promise<T> {
  if (info.size === undefined) {
    throw new DownloadError(`${what}: the hub did not say the file's size (no Content-Length)`);
  }
  const size = Math.min(info.size, maxBytes);
  const dir = await mkdtemp(join(tmpdir(), 'shipml-describe-'));
  const partPath = join(dir, 'file');
  try {
    await transferWithRetries(s, ev, {
      what,
      url: info.downloadUrl,
      headers: info.headers,
      partPath,
      size,
      firstBytesOnly: size < info.size,
      onStart: () => {},
      onProgress: () => {},
    });
    const got = await fileSize(partPath);
    if (got !== size) {
      throw new DownloadError(`${what}: got ${got} bytes, the hub said ${size}`);
    }
    return await use(partPath, size);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
