import { ModelsError } from './errors.js';

/** What a file's bytes must be: at least one hash (lower-case hex); size in bytes when known. */
export interface ExpectedDigest {
  sha256?: string;
  md5?: string;
  size?: number;
}

const LENGTHS = { md5: 32, sha256: 64 } as const;

/**
 * Reads a published checksum file for `fileName`, in either of the formats the `md5sum` /
 * `sha256sum` family writes:
 *
 *   MD5 (ml-100k.zip) = 0e33842e24a9c977be4e0107933c0723      BSD style (`md5 -r` off, `--tag`)
 *   0e33842e24a9c977be4e0107933c0723  ml-100k.zip             GNU style (`*name` in binary mode)
 *   0e33842e24a9c977be4e0107933c0723                          a bare hash
 *
 * The algorithm comes from the BSD label, else from the hash's length (32 hex: md5, 64: sha256).
 * Lines naming other files are ignored; a file with no usable line for `fileName` throws.
 */
export function parseChecksumFile(text: string, fileName: string): ExpectedDigest {
  const found: ExpectedDigest = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const bsd = /^(MD5|SHA256|SHA2-256)\s*\((.+)\)\s*=\s*([0-9a-fA-F]+)$/i.exec(line);
    const gnu = /^([0-9a-fA-F]+)(?:\s+\*?(.+))?$/.exec(line);
    let hex: string;
    let name: string | undefined;
    let algo: keyof typeof LENGTHS | undefined;
    if (bsd) {
      algo = bsd[1]!.toUpperCase() === 'MD5' ? 'md5' : 'sha256';
      name = bsd[2];
      hex = bsd[3]!;
    } else if (gnu) {
      hex = gnu[1]!;
      name = gnu[2];
      algo = hex.length === 32 ? 'md5' : hex.length === 64 ? 'sha256' : undefined;
    } else continue;
    if (name !== undefined && baseName(name.trim()) !== fileName) continue;
    if (!algo || hex.length !== LENGTHS[algo]) {
      throw checksumError(`a ${hex.length}-digit hash is neither md5 nor sha256`, fileName, text);
    }
    found[algo] = hex.toLowerCase();
  }
  if (!found.md5 && !found.sha256) throw checksumError('no md5 or sha256', fileName, text);
  return found;
}

/** Throws unless `expected` names a well-formed md5 or sha256 (a download must be checkable). */
export function checkExpected(expected: ExpectedDigest, what: string): void {
  const bad = (['md5', 'sha256'] as const).filter(
    (a) => expected[a] !== undefined && !new RegExp(`^[0-9a-f]{${LENGTHS[a]}}$`).test(expected[a]),
  );
  if (bad.length > 0 || (!expected.md5 && !expected.sha256)) {
    throw new ModelsError(
      `${what}: expected a lower-case hex md5 (32 digits) or sha256 (64 digits)${
        bad.length ? `; got ${bad.map((a) => `${a} "${expected[a]}"`).join(', ')}` : ''
      }`,
      400,
      'CHECKSUM_INVALID',
    );
  }
}

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

function checksumError(why: string, fileName: string, text: string): ModelsError {
  const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return new ModelsError(
    `checksum file for ${fileName}: ${why} (read ${JSON.stringify(shown)}); expected "MD5 (${fileName}) = <hex>" or "<hex>  ${fileName}"`,
    502,
    'CHECKSUM_INVALID',
  );
}
