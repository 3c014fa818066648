import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBenchmark } from '../../../scripts/benchmark-format.js';
import { generateSet } from '../../../scripts/synth/generate.js';
import { UnsupportedImageError } from '../errors.js';
import { plateModelFiles } from '../model-files.js';
import { createOrtModels } from '../ort-models.js';
import { nothingRead, readPlates } from '../read-plates.js';
import type { PlateModels } from '../types.js';

/** A fresh temporary folder, and a way to remove it. */
function makeTempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

// The real PP-OCR models on seeded synthetic photos: EU, UK and US plates on a drawn car.
describe('readPlates with the real models', () => {
  const dir = makeTempDir('plates-');
  let models: PlateModels & { release(): Promise<void> };

  beforeAll(async () => {
    models = await createOrtModels(await plateModelFiles());
    await generateSet(dir.path, 20, 42);
  });
  afterAll(async () => {
    await models.release();
    dir.remove();
  });

  it('reads at least 80% of 20 synthetic plates exactly', async () => {
    const images = await readBenchmark(dir.path);
    expect(images).toHaveLength(20);
    let right = 0;
    for (const image of images) {
      const { plates } = await readPlates(await readFile(image.file), models);
      if (plates[0]?.text === image.plates[0]!.text) right++;
    }
    expect(right / images.length).toBeGreaterThanOrEqual(0.8);
  });

  it('returns the plate box near the labelled one, and per-step timings', async () => {
    const [image] = await readBenchmark(dir.path);
    const reading = await readPlates(await readFile(image!.file), models);
    const [x, y, w, h] = image!.plates[0]!.box;
    const [x1, y1, x2, y2] = reading.plates[0]!.box;
    // The text box lies inside the plate (give or take the detector's margin).
    expect(x1).toBeGreaterThan(x - 0.1 * w);
    expect(x2).toBeLessThan(x + 1.1 * w);
    expect((y1 + y2) / 2).toBeGreaterThan(y);
    expect((y1 + y2) / 2).toBeLessThan(y + h);
    expect(Object.keys(reading.timingsMs)).toEqual(
      expect.arrayContaining(['decode', 'detect', 'recognize', 'total']),
    );
  });

  it('answers with boxes in the pixels of a photo larger than the working size', async () => {
    const [image] = await readBenchmark(dir.path);
    const photo = await readFile(image!.file);
    const { width = 0 } = await sharp(photo).metadata();
    // Well past the 2048-pixel working size, so the pipeline reads a downscaled copy.
    const factor = 4096 / width;
    const big = await sharp(photo).resize({ width: 4096 }).jpeg().toBuffer();
    const [small, large] = [await readPlates(photo, models), await readPlates(big, models)];
    expect(large.plates[0]?.text).toBe(small.plates[0]?.text);
    const [sx1, sy1, sx2, sy2] = small.plates[0]!.box;
    const [lx1, ly1, lx2, ly2] = large.plates[0]!.box;
    expect((lx1 + lx2) / 2 / ((sx1 + sx2) / 2) / factor).toBeCloseTo(1, 1);
    expect((ly1 + ly2) / 2 / ((sy1 + sy2) / 2) / factor).toBeCloseTo(1, 1);
  });

  it('reads most US plates as American, and in the region it is told', async () => {
    const us = makeTempDir('plates-us-');
    try {
      const samples = await generateSet(us.path, 6, 3, { set: 'us' });
      let american = 0;
      for (const sample of samples) {
        const { region } = await readPlates(sample.jpeg, models);
        if (region?.id === 'us') american++;
      }
      // Most of them, from the state name, slogan and plate shape alone (never the file name).
      expect(american).toBeGreaterThanOrEqual(4);
      const told = await readPlates(samples[0]!.jpeg, models, { region: 'br' });
      expect(told.region).toEqual({ id: 'br', name: 'Brazil', from: 'setting' });
    } finally {
      us.remove();
    }
  });

  it("answers the photographed car's plate, not a farther car's beside it", async () => {
    const street = makeTempDir('plates-traffic-');
    try {
      const samples = await generateSet(street.path, 16, 4, { set: 'us', traffic: true });
      const twoCars = samples.filter((s) => s.farther);
      expect(twoCars.length).toBeGreaterThanOrEqual(4);
      let nearer = 0;
      for (const sample of twoCars) {
        const { plates } = await readPlates(sample.jpeg, models, { region: 'us' });
        // The farther car's plate may be read too, but never first.
        expect(plates[0]?.text).not.toBe(sample.farther);
        if (plates[0]?.text === sample.text) nearer++;
      }
      expect(nearer).toBeGreaterThanOrEqual(twoCars.length - 1);
    } finally {
      street.remove();
    }
  });

  it('finds no plate in a photo without text', async () => {
    const sky = await sharp({
      create: { width: 320, height: 240, channels: 3, background: '#8ab4e0' },
    })
      .jpeg()
      .toBuffer();
    expect((await readPlates(sky, models)).plates).toEqual([]);
  });

  it('rejects bytes that are not an image before running any model', async () => {
    await expect(readPlates(Buffer.from('%PDF-1.7'), models)).rejects.toBeInstanceOf(
      UnsupportedImageError,
    );
  });
});

describe('nothingRead (when to look at the whole photo again)', () => {
  const box: [number, number, number, number] = [0, 0, 40, 10];
  const read = (text: string, confidence: number) => [{ text, confidence, box }];
  const chosen = (evidence: 'words' | 'band' | 'layout' | 'none') =>
    ({ id: 'eu', name: 'Europe', from: 'photo', evidence }) as const;
  const told = { id: 'eu', name: 'Europe', from: 'setting' } as const;

  it('looks again when the best reading is unsure, or there is none', () => {
    expect(nothingRead({ plates: [], region: told })).toBe(true);
    expect(nothingRead({ plates: read('AB123CD', 0.3), region: chosen('layout') })).toBe(true);
    expect(nothingRead({ plates: read('AB123CD', 0.9), region: chosen('layout') })).toBe(false);
  });

  it('looks again, with auto, when only a text that fits no layout was read (a sign: "CAFE")', () => {
    // Europe weighs any unlisted text 0.6: a clear word scores above the 0.4 of "unsure".
    expect(nothingRead({ plates: read('CAFE', 0.42), region: chosen('none') })).toBe(true);
    // Told the region, or a band or words chose it: the reading stands.
    expect(nothingRead({ plates: read('CAFE', 0.42), region: told })).toBe(false);
    expect(nothingRead({ plates: read('CAFE', 0.42), region: chosen('band') })).toBe(false);
  });
});

describe('synthetic generator', () => {
  it('is deterministic for a seed and labels every image', async () => {
    const [a, b] = [makeTempDir('synth-a-'), makeTempDir('synth-b-')];
    try {
      const first = await generateSet(a.path, 3, 5);
      const second = await generateSet(b.path, 3, 5);
      expect(second.map((s) => s.jpeg.equals(first[second.indexOf(s)]!.jpeg))).toEqual([
        true,
        true,
        true,
      ]);
      const labelled = await readBenchmark(a.path);
      expect(labelled.map((l) => l.plates[0]!.text)).toEqual(first.map((s) => s.text));
      for (const s of first) expect(s.text).toMatch(/^[A-Z0-9]{5,8}$/);
    } finally {
      a.remove();
      b.remove();
    }
  });

  it('adds badges to the same photos, plates and labels unchanged', async () => {
    const [a, b] = [makeTempDir('synth-a-'), makeTempDir('synth-b-')];
    try {
      const plain = await generateSet(a.path, 3, 5, { set: 'us' });
      const badged = await generateSet(b.path, 3, 5, { set: 'us', badges: true });
      expect(badged.map((s) => [s.text, s.box])).toEqual(plain.map((s) => [s.text, s.box]));
      expect(badged.map((s, i) => s.jpeg.equals(plain[i]!.jpeg))).toEqual([false, false, false]);
    } finally {
      a.remove();
      b.remove();
    }
  });
});
