import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { renderPlateScene, type PlateScene } from '../samples/plate-scene.js';

/** A car with a UK plate reading AB12CDE, as JPEG (or `format`). */
export async function plateJpeg(
  scene: Partial<PlateScene> = {},
  format: 'jpeg' | 'png' | 'webp' = 'jpeg',
) {
  const jpeg = await renderPlateScene({ plate: 'AB12 CDE', style: 'uk', width: 800, ...scene });
  return format === 'jpeg' ? jpeg : sharp(jpeg).toFormat(format).toBuffer();
}

/** A photo with no text at all: sky over a road. */
export function noPlateJpeg(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3e6"/><stop offset="1" stop-color="#e8eef3"/></linearGradient></defs>
    <rect width="800" height="600" fill="url(#g)"/><rect y="380" width="800" height="220" fill="#6b7078"/>
    <circle cx="640" cy="110" r="50" fill="#fff3c4"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

/**
 * A valid PNG of `width`×`height` black grey pixels: a few KB on disk, `width * height` bytes
 * once decoded. 8000×8000 is a 64 MP decompression bomb in a ~70 KB file.
 */
export function blankPng(width: number, height: number): Buffer {
  const row = Buffer.alloc(width + 1); // filter byte 0 + one grey byte per pixel
  const raw = Buffer.alloc(row.length * height); // all zeros: black
  return png(width, height, deflateSync(raw, { level: 9 }));
}

/** Only a PNG header claiming `width`×`height`, with a tiny, wrong pixel stream. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  return png(width, height, deflateSync(Buffer.alloc(16)));
}

function png(width: number, height: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A multipart/form-data body with the given parts, for app.inject. */
export function multipart(
  parts: { name: string; filename?: string; type?: string; data: Buffer | string }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----shipml-test-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
