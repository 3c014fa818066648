import { describe, expect, it } from 'vitest';
import { ModelsError } from './errors.js';
import { parseChecksumFile } from './checksum-file.js';

const MD5 = '0e33842e24a9c977be4e0107933c0723';
const SHA = 'a'.repeat(64);

describe('parseChecksumFile', () => {
  it('reads the BSD format GroupLens publishes', () => {
    expect(parseChecksumFile(`MD5 (ml-100k.zip) = ${MD5}\n`, 'ml-100k.zip')).toEqual({ md5: MD5 });
  });

  it('reads the GNU format, binary marker, upper-case hex and a bare hash', () => {
    expect(parseChecksumFile(`${MD5}  ml-100k.zip\n`, 'ml-100k.zip')).toEqual({ md5: MD5 });
    expect(parseChecksumFile(`${MD5.toUpperCase()} *ml-100k.zip`, 'ml-100k.zip')).toEqual({
      md5: MD5,
    });
    expect(parseChecksumFile(`${SHA}\r\n`, 'x.zip')).toEqual({ sha256: SHA });
    expect(parseChecksumFile(`SHA256 (x.zip) = ${SHA}`, 'x.zip')).toEqual({ sha256: SHA });
  });

  it('picks the line for the file asked for among several', () => {
    const text = `${'b'.repeat(32)}  ml-1m.zip\n${MD5}  datasets/ml-100k.zip\n`;
    expect(parseChecksumFile(text, 'ml-100k.zip')).toEqual({ md5: MD5 });
  });

  it('rejects a checksum file for another file, an HTML page, or a hash of odd length', () => {
    expect(() => parseChecksumFile(`MD5 (ml-1m.zip) = ${MD5}`, 'ml-100k.zip')).toThrow(
      /checksum file for ml-100k.zip: no md5 or sha256/,
    );
    expect(() => parseChecksumFile('<h1>Not Found</h1>', 'ml-100k.zip')).toThrow(ModelsError);
    expect(() => parseChecksumFile(`${MD5}0  ml-100k.zip`, 'ml-100k.zip')).toThrow(
      /33-digit hash is neither md5 nor sha256/,
    );
  });
});
