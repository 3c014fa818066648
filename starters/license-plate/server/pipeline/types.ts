/** Shapes shared by the pipeline steps. */

// The pipeline speaks @shipml/serve's tensors, so the app hands `app.inference.infer` results
// straight to it: row-major `data` of `shape`, with a V2 datatype such as 'FP32'.
export type { Datatype, Tensor, TypedArray } from '@shipml/serve';
import type { Tensor } from '@shipml/serve';
import type { RegionId } from './regions/types.js';

/** The two models the pipeline needs; the app wires them to `app.inference.infer`. */
export interface PlateModels {
  /** PP-OCR text detection: [1, 3, H, W] FP32 → [1, 1, H, W] FP32 text probability per pixel. */
  detect(input: Tensor): Promise<Tensor>;
  /** PP-OCR recognition: [N, 3, 48, W] FP32 → [N, W/8, 6625] FP32 class probabilities per step. */
  recognize(input: Tensor): Promise<Tensor>;
}

/** One plate found in the photo. `box` is in pixels of the (EXIF-rotated) photo. */
export interface Plate {
  text: string;
  /** 0..1: recognition confidence times how plausible the text is as a plate. */
  confidence: number;
  box: [x1: number, y1: number, x2: number, y2: number];
}

/** Which region's plate formats the reading used, e.g. `{ id: 'us', name: 'United States', state: 'Arizona', from: 'photo' }`. */
export interface RegionUsed {
  id: RegionId;
  name: string;
  /** The US state (sub-region) named on the plate, when one was read. */
  state?: string;
  /** `setting`: the caller chose the region; `photo`: `auto` chose it from what the photo shows. */
  from: 'setting' | 'photo';
  /**
   * With `from: 'photo'`, what chose it: `words` read on the photo (a state name, a slogan,
   * "BRASIL"), an EU `band`, or only the serial's `layout` and shape: a guess, since many serials
   * fit several regions' formats. `none`: the plate fits no region's listed formats (a vanity
   * plate, an unlisted series) or none was read, so at most the plate's shape chose the region.
   */
  evidence?: 'words' | 'band' | 'layout' | 'none';
}

export interface PlateReading {
  /** Best plate first; empty when no plate-like text was found. */
  plates: Plate[];
  /** The region whose formats ranked the plates (always set by `readPlates`). */
  region?: RegionUsed;
  /** Milliseconds per step: decode, detect, recognize, rank, total. */
  timingsMs: Record<string, number>;
}

/** An 8-bit RGB image, rows top to bottom, `data.length === width * height * 3`. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The decoded upload: pixels at working size, and how many photo pixels one of them stands for. */
export interface DecodedPhoto extends RgbImage {
  /** Uploaded (upright) photo pixels per working pixel: 1, or more when the photo was downscaled. */
  scale: number;
}

/** A point in image pixels. */
export interface Point {
  x: number;
  y: number;
}

/**
 * A rotated rectangle around a line of text. `width` runs along the text (so width ≥ height for a
 * horizontal line) and `angle` is the direction of the text in radians (0 = left to right).
 */
export interface RotatedBox {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
  /** Mean text probability inside the region, 0..1. */
  score: number;
}
