import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.js';
import { CorruptImageError, ImageTooLargeError, UnsupportedImageError } from './errors.js';

/** A 40×20 image, red on the left half, blue on the right. */
async function sample(
  format: 'jpeg' | 'png' | 'webp' | 'gif',
  orientation?: number,
): Promise<Buffer> {
  const left = await sharp({
    create: { width: 20, height: 20, channels: 3, background: '#ff0000' },
  })
    .png()
    .toBuffer();
  let img = sharp({
    create: { width: 40, height: 20, channels: 3, background: '#0000ff' },
  }).composite([{ input: left, left: 0, top: 0 }]);
  img = img[format]({ quality: 95 } as never);
  if (orientation) img = img.withMetadata({ orientation });
  return img.toBuffer();
}

/** CRC-32 as PNG chunks use it. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

describe('decodeImage', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('decodes %s to RGB pixels', async (format) => {
    const img = await decodeImage(await sample(format));
    expect([img.width, img.height]).toEqual([40, 20]);
    expect(img.data.length).toBe(40 * 20 * 3);
    const px = (x: number, y: number) => [
      ...img.data.subarray((y * 40 + x) * 3, (y * 40 + x) * 3 + 3),
    ];
    expect(px(5, 10)[0]).toBeGreaterThan(200); // red
    expect(px(35, 10)[2]).toBeGreaterThan(200); // blue
  });

  it('turns the photo upright from its EXIF orientation', async () => {
    // Orientation 6: the camera was turned 90°; the stored 40×20 pixels display as 20×40.
    const img = await decodeImage(await sample('jpeg', 6));
    expect([img.width, img.height]).toEqual([20, 40]);
    const top = img.data.subarray(0, 3);
    expect(top[0]).toBeGreaterThan(200); // the red half is now on top
  });

  it('downscales large photos to maxSide', async () => {
    const big = await sharp({
      create: { width: 3000, height: 1000, channels: 3, background: '#888' },
    })
      .png()
      .toBuffer();
    const img = await decodeImage(big, { maxSide: 1500 });
    expect([img.width, img.height]).toEqual([1500, 500]);
    expect(img.scale).toBe(2); // each working pixel stands for 2 photo pixels
    expect((await decodeImage(big)).scale).toBeCloseTo(3000 / 2048);
  });

  it('keeps every pixel of a photo no larger than maxSide, and shrinks one pixel more', async () => {
    const noise = (w: number, h: number) =>
      Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 7919) % 251);
    const png = (w: number, h: number) =>
      sharp(noise(w, h), { raw: { width: w, height: h, channels: 3 } })
        .png()
        .toBuffer();
    const fits = await decodeImage(await png(600, 200), { maxSide: 600 });
    expect([fits.width, fits.height, fits.scale]).toEqual([600, 200, 1]);
    expect(Buffer.from(fits.data).equals(Buffer.from(noise(600, 200)))).toBe(true);
    const over = await decodeImage(await png(601, 200), { maxSide: 600 });
    expect([over.width, over.height]).toEqual([600, 200]);
  });

  it('rejects bytes that are not an image with 415', async () => {
    const err = await decodeImage(Buffer.from('hello, this is not a picture')).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnsupportedImageError);
    expect((err as UnsupportedImageError).statusCode).toBe(415);
  });

  it('rejects other image formats (GIF) with 415', async () => {
    await expect(decodeImage(await sample('gif'))).rejects.toMatchObject({ statusCode: 415 });
  });

  it('rejects a decompression bomb from its header alone, with 400', async () => {
    // A valid 1×1 PNG whose header is rewritten to claim 60000×60000 pixels.
    const png = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    png.writeUInt32BE(60000, 16);
    png.writeUInt32BE(60000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    const err = await decodeImage(png).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageTooLargeError);
    expect((err as ImageTooLargeError).statusCode).toBe(400);
  });

  it('honours a smaller pixel cap', async () => {
    const img = await sharp({
      create: { width: 2000, height: 2000, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    await expect(decodeImage(img, { maxPixels: 1_000_000 })).rejects.toBeInstanceOf(
      ImageTooLargeError,
    );
  });

  it('reports a truncated file as corrupt (400)', async () => {
    const noise = Buffer.from(Array.from({ length: 300 * 200 * 3 }, (_, i) => (i * 7919) % 251));
    const jpeg = await sharp(noise, { raw: { width: 300, height: 200, channels: 3 } })
      .jpeg()
      .toBuffer();
    const err = await decodeImage(jpeg.subarray(0, Math.floor(jpeg.length * 0.7))).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CorruptImageError);
    expect((err as CorruptImageError).statusCode).toBe(400);
  });
});
