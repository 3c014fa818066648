import type { Decoded } from './ctc-decode.js';
import { ANY_REGION, formatScore, plateAlternatives, type FormatBook } from './plate-format.js';
import type { Candidate } from './plate-candidates.js';
import { linesAround } from './lines-around.js';
import type { Plate, RotatedBox } from './types.js';
import { rectCorners } from './min-area-rect.js';

/** One recognised crop: the candidate region it came from and what the recogniser read. */
export interface Reading {
  candidate: Candidate;
  decoded: Decoded;
  /** Share of dark pixels in the crop (see `darkShare`): plates are dark text on a light ground. */
  darkShare: number;
}

/** Mean probability of the characters read (0 for an empty reading). */
export function textConfidence(charProbs: number[]): number {
  if (charProbs.length === 0) return 0;
  return charProbs.reduce((s, p) => s + p, 0) / charProbs.length;
}

/** Axis-aligned bounds of a candidate, rounded to whole pixels. */
export function boundsOf(c: Candidate): [number, number, number, number] {
  const pts = rectCorners(c.box);
  const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y); // prettier-ignore
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map(Math.round) as [
    number,
    number,
    number,
    number, // prettier-ignore
  ];
}

/** Fraction of the smaller box covered by the larger: 1 when one lies inside the other. */
function overlap(a: number[], b: number[]): number {
  const w = Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!);
  const h = Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!);
  if (w <= 0 || h <= 0) return 0;
  const area = (r: number[]) => (r[2]! - r[0]!) * (r[3]! - r[1]!);
  return (w * h) / Math.min(area(a), area(b));
}

/** One way to read one region: the text, its confidence and its ranking score. */
export interface ScoredText extends Plate {
  /** confidence × how plate-like the region is: what the ranking sorts by. */
  rankScore: number;
  reading: Reading;
}

/**
 * A photo of a car shows its plate low on the car, so below the top 30% of the frame; text centred
 * higher up is more often a shop sign, a street sign or a sticker on the windscreen. Text there
 * weighs less the higher it is: half at the top edge, fully from 30% of the height down.
 */
const HIGH_UP = 0.3;

/**
 * The car being photographed is the nearest, and on it the serial is the biggest text: a model
 * badge, a dealer's frame, a sticker or the state name is smaller. A line weighs by its height
 * against the tallest line read, to this power: a line half as tall weighs 0.71.
 */
const SIZE_POWER = 0.5;

/**
 * A line with a state name or slogan stacked right above or below it is a plate's serial: a
 * bumper sticker, a dealer's frame or a shop sign almost never has one. Such a reading weighs this
 * much more — enough for a serial of an unlisted format ("554E1" under "UTAH") to beat a sign
 * that happens to fit a listed one ("SALE50" fits Florida's `LLL LDD`).
 */
const FRAMED = 3;

/**
 * Score every reading by recognition confidence × plate-format plausibility in the region's
 * `book` (with look-alike letters/digits swapped when that makes the text fit a layout) × how
 * plate-like its region is. `clueBoxes` are where clue words (state names, slogans) were read:
 * a reading they are stacked on weighs `FRAMED` times more. All options, best first.
 */
export function scoreReadings(
  readings: Reading[],
  book: FormatBook = ANY_REGION,
  clueBoxes: RotatedBox[] = [],
): ScoredText[] {
  const tallest = Math.max(...readings.map((r) => r.candidate.box.height));
  const scored = readings.flatMap((reading) => {
    const { candidate, decoded, darkShare } = reading;
    // Evidence from the region rather than the text: plate-like shape, the biggest text in the
    // photo (the car being photographed), not cut off by the border, not high up in the photo
    // (see HIGH_UP), dark text on a light ground.
    const regionScore =
      (0.7 + 0.3 * candidate.shapeScore) *
      (candidate.box.height / tallest) ** SIZE_POWER *
      (candidate.atEdge ? 0.8 : 1) *
      Math.min(1, 0.5 + (0.5 * candidate.down) / HIGH_UP) *
      (darkShare > 0.5 ? 0.8 : 1) *
      (clueBoxes.length > 0 && linesAround(candidate.box, clueBoxes).length > 0 ? FRAMED : 1);
    const conf = textConfidence(decoded.charProbs);
    // The reading as it is, scored by its format, and its best repairs (already format-weighted).
    const options = [
      { text: decoded.text, plausibility: formatScore(decoded.text, book) },
      ...plateAlternatives(decoded.text, decoded.charProbs, decoded.charDists, book)
        .slice(0, 3)
        .map((a) => ({ text: a.text, plausibility: a.factor })),
    ];
    return options.map(({ text, plausibility }) => {
      const confidence = conf * plausibility;
      return { text, confidence, rankScore: confidence * regionScore, box: boundsOf(candidate), reading }; // prettier-ignore
    });
  });
  return scored.sort((a, b) => b.rankScore - a.rankScore);
}

/**
 * A reading that scores at least this (`rankScore`) is surely a plate. When a photo shows several
 * (a car park, traffic), the car being photographed is the nearest, so its plate's text is the
 * tallest: a sure plate whose text is more than `NEARER` times as tall as the best-scored one's
 * comes first, even where the farther plate was read more surely or its state name was read.
 */
const SURE_PLATE = 0.7;
const NEARER = 1.2;

/**
 * Step 5 — rank the readings (see `scoreReadings`) and keep the best reading of each place in
 * the photo, best first; of several sure plates, the nearest car's first (`SURE_PLATE`).
 */
export function rankReadings(
  readings: Reading[],
  minConfidence = 0.1,
  book: FormatBook = ANY_REGION,
  clueBoxes: RotatedBox[] = [],
): Plate[] {
  const best: ScoredText[] = [];
  for (const s of scoreReadings(readings, book, clueBoxes)) {
    if (s.confidence < minConfidence || s.text.length < 2) continue;
    if (best.some((p) => overlap(p.box, s.box) > 0.5)) continue;
    best.push(s);
  }
  const height = (s: ScoredText) => s.reading.candidate.box.height;
  const sure = best.filter((s) => s.rankScore >= SURE_PLATE);
  let nearest = sure[0];
  for (const s of sure) if (height(s) > NEARER * height(nearest!)) nearest = s;
  const ordered = nearest ? [nearest, ...best.filter((s) => s !== nearest)] : best;
  return ordered.map((s) => ({ text: s.text, confidence: Number(s.confidence.toFixed(4)), box: s.box })); // prettier-ignore
}
