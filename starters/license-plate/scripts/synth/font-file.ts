import { readFileSync } from 'node:fs';

/** A font file for the serials, and the Pango description that selects it once it is loaded. */
export interface FontFile {
  file: string;
  /** e.g. "Oswald, Bold": the family, a comma, then the style (so "Condensed" stays in the name). */
  description: string;
}

/**
 * Read a TrueType/OpenType file's family and style names from its `name` table, so a font file
 * (say a condensed gothic face like most US plates use) can be drawn by name.
 * @throws Error when the file is not a TTF/OTF or names no family
 */
export function readFontFile(file: string): FontFile {
  const font = readFileSync(file);
  const version = font.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x4f54544f /* OTTO */) {
    throw new Error(`${file}: not a TrueType or OpenType font (convert WOFF files to TTF first)`);
  }
  const tables = font.readUInt16BE(4);
  let name = -1;
  for (let i = 0; i < tables; i++) {
    const entry = 12 + 16 * i;
    if (font.toString('latin1', entry, entry + 4) === 'name') name = font.readUInt32BE(entry + 8);
  }
  if (name < 0) throw new Error(`${file}: the font has no name table`);
  const names = new Map<number, string>();
  const count = font.readUInt16BE(name + 2);
  const strings = name + font.readUInt16BE(name + 4);
  for (let i = 0; i < count; i++) {
    const record = name + 6 + 12 * i;
    const platform = font.readUInt16BE(record);
    const id = font.readUInt16BE(record + 6);
    const length = font.readUInt16BE(record + 8);
    const start = strings + font.readUInt16BE(record + 10);
    // Windows names are UTF-16BE; prefer them over the Mac Roman ones.
    if (platform === 3) {
      const text = Buffer.from(font.subarray(start, start + length))
        .swap16()
        .toString('utf16le');
      names.set(id, text);
    } else if (platform === 1 && !names.has(id)) {
      names.set(id, font.toString('latin1', start, start + length));
    }
  }
  // 16/17: typographic family and style (for families with many weights); 1/2: the legacy ones.
  const family = names.get(16) ?? names.get(1);
  const style = names.get(17) ?? names.get(2) ?? 'Regular';
  if (!family) throw new Error(`${file}: the font names no family`);
  return { file, description: `${family}, ${style}` };
}
