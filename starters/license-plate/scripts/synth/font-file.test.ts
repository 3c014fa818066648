import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFontFile } from './font-file.js';

/** A TrueType file with only a `name` table holding `names` (id → text, Windows UTF-16BE). */
function fontWithNames(names: Record<number, string>): Buffer {
  const records = Object.entries(names).map(([id, text]) => ({
    id: Number(id),
    bytes: Buffer.from(text, 'utf16le').swap16(),
  }));
  const header = Buffer.alloc(6 + 12 * records.length);
  header.writeUInt16BE(0, 0); // format
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4); // where the strings start
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + 12 * i;
    header.writeUInt16BE(3, at); // platform: Windows
    header.writeUInt16BE(1, at + 2); // encoding: Unicode BMP
    header.writeUInt16BE(0x409, at + 4); // language: en-US
    header.writeUInt16BE(r.id, at + 6);
    header.writeUInt16BE(r.bytes.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += r.bytes.length;
  });
  const table = Buffer.concat([header, ...records.map((r) => r.bytes)]);
  const directory = Buffer.alloc(12 + 16);
  directory.writeUInt32BE(0x00010000, 0); // TrueType
  directory.writeUInt16BE(1, 4); // one table
  directory.write('name', 12, 'latin1');
  directory.writeUInt32BE(directory.length, 20); // its offset
  directory.writeUInt32BE(table.length, 24);
  return Buffer.concat([directory, table]);
}

const dir = mkdtempSync(join(tmpdir(), 'font-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('readFontFile', () => {
  it('names the family, then the style after a comma (so Pango keeps "Condensed" in the family)', () => {
    const file = write('a.ttf', fontWithNames({ 1: 'Roboto Condensed', 2: 'Bold' }));
    expect(readFontFile(file)).toEqual({ file, description: 'Roboto Condensed, Bold' });
  });

  it('prefers the typographic family and style of a many-weight family', () => {
    const names = { 1: 'Oswald SemiBold', 2: 'Regular', 16: 'Oswald', 17: 'SemiBold' };
    expect(readFontFile(write('b.ttf', fontWithNames(names))).description).toBe('Oswald, SemiBold');
  });

  it('refuses files that are not TrueType or OpenType, or that name no family', () => {
    expect(() => readFontFile(write('c.woff', Buffer.from('wOFF\0\0\0\0')))).toThrow(
      /not a TrueType/,
    );
    expect(() => readFontFile(write('d.ttf', fontWithNames({ 2: 'Bold' })))).toThrow(/no family/);
  });
});
