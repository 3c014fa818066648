import type { ResolveEvent } from '../options.js';
import { formatBytes, formatDuration } from './format.js';

interface Out {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

interface Bar {
  label: string;
  total: number;
  bytes: number;
  /** Where this attempt started (resumed bytes do not count toward the speed). */
  offset: number;
  startedAt: number;
  done: boolean;
}

/**
 * Turns resolve events into output: on a TTY, one live bar per file (bytes, speed, ETA),
 * redrawn at most every 100 ms; otherwise plain log lines (start, every 25 %, retries, done),
 * which read well in CI logs.
 */
export function createProgress(
  out: Out,
  now: () => number = Date.now,
): {
  onEvent: (e: ResolveEvent) => void;
  finish: () => void;
} {
  const bars = new Map<string, Bar>();
  const tty = out.isTTY === true;
  let drawn = 0;
  let lastDraw = 0;
  const logged = new Map<string, number>();

  const line = (b: Bar): string => {
    const pct = b.total > 0 ? b.bytes / b.total : 1;
    const secs = Math.max((now() - b.startedAt) / 1000, 1e-3);
    const speed = (b.bytes - b.offset) / secs;
    const eta = speed > 0 ? (b.total - b.bytes) / speed : Infinity;
    const width = 24;
    const fill = Math.round(pct * width);
    const bar = `${'█'.repeat(fill)}${'░'.repeat(width - fill)}`;
    const tail = b.done
      ? `${formatBytes(b.total)} done`
      : `${String(Math.floor(pct * 100)).padStart(3)}% ${formatBytes(b.bytes)}/${formatBytes(b.total)} ${formatBytes(speed)}/s ETA ${formatDuration(eta)}`;
    const text = `${b.done ? '✔' : '↓'} ${b.label} ${bar} ${tail}`;
    return text.slice(0, Math.max(20, (out.columns || 100) - 1)); // 0 when the terminal size is unknown
  };
  const draw = (force = false) => {
    if (!tty || (!force && now() - lastDraw < 100)) return;
    lastDraw = now();
    let s = drawn > 0 ? `\x1b[${drawn}A` : '';
    for (const b of bars.values()) s += `\r\x1b[2K${line(b)}\n`;
    drawn = bars.size;
    out.write(s);
  };
  // A message above the bars: clear them, print it, draw them again below.
  const say = (msg: string) => {
    if (tty && drawn > 0) {
      out.write(`\x1b[${drawn}A\x1b[0J`);
      drawn = 0;
    }
    out.write(`${msg}\n`);
    draw(true);
  };

  const onEvent = (e: ResolveEvent) => {
    const key = `${e.model}/${e.file}`;
    switch (e.type) {
      case 'cached':
        if (!tty) say(`${key}: ready at ${e.path}`);
        break;
      case 'download-start':
        bars.set(key, {
          label: key,
          total: e.total,
          bytes: e.offset,
          offset: e.offset,
          startedAt: now(),
          done: false,
        });
        if (tty) draw(true);
        else
          say(
            `${key}: downloading ${formatBytes(e.total)} from ${e.url}${e.offset > 0 ? ` (resuming at byte ${e.offset})` : ''}`,
          );
        break;
      case 'progress': {
        const b = bars.get(key);
        if (!b) break;
        b.bytes = e.bytes;
        if (tty) draw();
        else {
          const quarter = Math.floor((e.bytes / Math.max(e.total, 1)) * 4);
          if (quarter > (logged.get(key) ?? 0) && quarter < 4) {
            logged.set(key, quarter);
            say(`${key}: ${quarter * 25}% (${formatBytes(e.bytes)} of ${formatBytes(e.total)})`);
          }
        }
        break;
      }
      case 'retry':
        say(`${key}: retry ${e.attempt} in ${(e.delayMs / 1000).toFixed(1)} s (${e.reason})`);
        break;
      case 'waiting-for-lock':
        say(`${key}: another process is downloading it; waiting (${e.lock})`);
        break;
      case 'download-done': {
        const b = bars.get(key);
        if (b) {
          b.bytes = b.total;
          b.done = true;
        }
        if (tty) draw(true);
        else say(`${key}: downloaded ${formatBytes(e.bytes)}, sha256 verified`);
        break;
      }
    }
  };
  return { onEvent, finish: () => draw(true) };
}
