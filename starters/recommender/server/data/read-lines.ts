import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { SkippedLine } from './types.js';

/**
 * Calls `onLine` for each non-empty line of a text file, streaming (ml-latest's ratings.csv is
 * ~900 MB). `onLine` returns a reason string to skip a malformed line; skipped lines are
 * collected with their 1-based line numbers. Windows line endings are accepted.
 */
export async function readLines(
  path: string,
  onLine: (line: string, lineNumber: number) => string | undefined,
  skipped: SkippedLine[],
  encoding: BufferEncoding = 'utf8',
): Promise<void> {
  const lines = createInterface({
    input: createReadStream(path, { encoding }),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const reason = onLine(line, lineNumber);
    if (reason !== undefined) skipped.push({ file: basename(path), line: lineNumber, reason });
  }
}

/** Splits one CSV line into fields; handles quoted fields with commas and doubled quotes. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  while (true) {
    if (line[i] === '"') {
      let field = '';
      i++;
      while (true) {
        const q = line.indexOf('"', i);
        if (q < 0) return null; // unterminated quote
        field += line.slice(i, q);
        if (line[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(field);
      if (i === line.length) return fields;
      if (line[i] !== ',') return null; // text after a closing quote
      i++;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, c));
      i = c + 1;
    }
  }
}
