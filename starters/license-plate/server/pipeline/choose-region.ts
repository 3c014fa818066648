import { classesOf, fitsLayout, formatBook, isSerialLike } from './plate-format.js';
import { findClue, type Clue } from './plate-clues.js';
import { rankReadings, scoreReadings, type Reading } from './rank.js';
import { REGIONS } from './regions/regions.js';
import type { PlateRegion, RegionSetting } from './regions/types.js';
import type { Plate, RegionUsed, RotatedBox } from './types.js';
import { linesAround } from './lines-around.js';

/** What the photo shows about where its plate is from, besides the serial itself. */
export interface PhotoEvidence {
  /** Clue words read anywhere on the photo (state names, slogans, "BRASIL"…). */
  clues: Clue[];
  /** Where the clue words were read, in photo pixels: a serial they are stacked on is a plate. */
  clueBoxes: RotatedBox[];
  /** A blue EU band was found at the left of a plate-like region. */
  euBand: boolean;
  /** Every text box found, in photo pixels: are other lines stacked on the plate? */
  boxes: RotatedBox[];
}

/**
 * How much the evidence favours the hypothesis "this photo's plate is from `region`, and it is
 * `plate`" — its line and how many characters were read there (a relative weight). A clue word
 * counts most (it names the region), the EU band next, then the plate's shape (the region's
 * `shapeWeight`): lines stacked on it, or how wide its characters are.
 */
export function regionWeight(
  region: PlateRegion,
  evidence: PhotoEvidence,
  plate?: { box: RotatedBox; chars: number },
): number {
  let w = evidence.clues.some((c) => c.region === region.id) ? 4 : 1;
  if (evidence.euBand && region.id === 'eu') w *= 3;
  const { stacked, lone, charWidth: [narrowest, widest] = [0, Infinity] } = region.shapeWeight;
  if (plate === undefined) return w * lone;
  if (linesAround(plate.box, evidence.boxes).length > 0) return w * stacked;
  const perChar = plate.box.width / plate.box.height / Math.max(1, plate.chars);
  return w * (perChar >= narrowest && perChar < widest ? lone : 1);
}

/** The sub-region (US state) most clue words name, if any. */
function subregionOf(region: PlateRegion, clues: Clue[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of clues) {
    if (c.region === region.id && c.subregion) counts.set(c.subregion, (counts.get(c.subregion) ?? 0) + 1); // prettier-ignore
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Step 5 — rank the readings in a region. Readings that are clue words (the state's name, a
 * slogan) never become plates. With `auto`, the readings are ranked in every region and the region
 * whose best plate, weighed by the photo's evidence (`regionWeight`), scores highest is used; only
 * serial-like readings (`isSerialLike`), and readings that fit one of the region's layouts, compete
 * for the region when the photo has any.
 */
export function rankInRegion(
  readings: Reading[],
  setting: RegionSetting,
  evidence: PhotoEvidence,
): { plates: Plate[]; region: RegionUsed } {
  const serials = readings.filter((r) => findClue(r.decoded.text) === undefined);
  // Regions are compared on the serial-like lines when there are any: a word (PARKING, a make)
  // fits one region's lenient unlisted formats and would otherwise choose the region. Digits only
  // compete too where the region lists such serials (a state that prints them, named on the plate).
  const anySerial = serials.some((r) => isSerialLike(r.decoded.text));
  const rank = (region: PlateRegion) => {
    const state = subregionOf(region, evidence.clues);
    const book = formatBook(region, state);
    const listed = (text: string) => isSerialLike(text) || book.templates.has(classesOf(text));
    const judged = anySerial ? serials.filter((r) => listed(r.decoded.text)) : serials;
    const best = scoreReadings(judged, book, evidence.clueBoxes)[0];
    const plate = best && { box: best.reading.candidate.box, chars: best.text.length };
    const weight = regionWeight(region, evidence, plate);
    return { region, state, book, score: (best?.rankScore ?? 0) * weight };
  };
  let chosen: ReturnType<typeof rank>;
  if (setting === 'auto') {
    // Ties go to the first region listed (Europe), as before regions existed.
    chosen = Object.values(REGIONS)
      .map(rank)
      .reduce((a, b) => (b.score > a.score ? b : a));
  } else {
    chosen = rank(REGIONS[setting]);
  }
  const { region, state, book } = chosen;
  const plates = rankReadings(serials, 0.1, book, evidence.clueBoxes);
  return {
    plates,
    region: {
      id: region.id,
      name: region.name,
      ...(state ? { state } : {}),
      ...(setting === 'auto'
        ? { from: 'photo', evidence: evidenceFor(region, evidence, plates[0]?.text) }
        : { from: 'setting' }),
    },
  };
}

/**
 * What made `auto` choose `region`: words naming it, an EU band, or only the serial's layout —
 * or `none` of these, when the plate read fits no region's listed layouts (a vanity plate, an
 * unlisted series) or no plate was read: at most the plate's shape chose it, and usually the most
 * lenient region (Europe) wins.
 */
function evidenceFor(
  region: PlateRegion,
  evidence: PhotoEvidence,
  plate: string | undefined,
): RegionUsed['evidence'] {
  if (evidence.clues.some((c) => c.region === region.id)) return 'words';
  if (region.id === 'eu' && evidence.euBand) return 'band';
  const listed = plate !== undefined && Object.values(REGIONS).some((r) => fitsLayout(plate, formatBook(r))); // prettier-ignore
  return listed ? 'layout' : 'none';
}
