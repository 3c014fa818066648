import type { RgbImage, Tensor } from './types.js';

/**
 * Step 4a — stack every crop into one recognition batch, so the model runs once per photo.
 * Result: [N, 3, 48, W] FP32, BGR planes scaled to −1..1; W is the widest crop (rounded up to a
 * multiple of 8, the model's step per output column). Narrower crops are padded on the right with
 * 0, which is mid-grey after normalisation — what PaddleOCR pads with too.
 */
export function toRecognizeInput(crops: RgbImage[]): Tensor {
  const height = 48;
  const width = Math.ceil(Math.max(8, ...crops.map((c) => c.width)) / 8) * 8;
  const plane = height * width;
  const data = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    if (crop.height !== height)
      throw new Error(`crop must be ${height} px high, got ${crop.height}`);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < crop.width; x++) {
        const src = (y * crop.width + x) * 3;
        for (let c = 0; c < 3; c++) {
          data[(n * 3 + c) * plane + y * width + x] = crop.data[src + 2 - c]! / 127.5 - 1;
        }
      }
    }
  });
  return { datatype: 'FP32', shape: [crops.length, 3, height, width], data };
}
