import { describe, expect, it } from 'vitest';
import { rankInRegion, regionWeight, type PhotoEvidence } from './choose-region.js';
import { PLATE_CHARS, type Decoded } from './ctc-decode.js';
import { findClue } from './plate-clues.js';
import type { Reading } from './rank.js';
import { REGIONS } from './regions/regions.js';
import type { RotatedBox } from './types.js';

/** A reading of `text` in a box centred at (cx, cy), the model `p` sure of each character. */
function reading(text: string, cx: number, cy: number, height = 40, p = 0.95): Reading {
  const decoded: Decoded = {
    text,
    charProbs: [...text].map(() => p),
    charDists: [...text].map((ch) => {
      const d = new Float32Array(PLATE_CHARS.length);
      d[PLATE_CHARS.indexOf(ch)] = p;
      return d;
    }),
  };
  const box: RotatedBox = { cx, cy, width: height * 4, height, angle: 0, score: 0.9 };
  const candidate = { box, shapeScore: 0.9, atEdge: false, down: cy / 480 };
  return { candidate, decoded, darkShare: 0.3 };
}

const nothing: PhotoEvidence = { clues: [], clueBoxes: [], euBand: false, boxes: [] };

describe('rankInRegion', () => {
  it('reads as the region it is told, whatever the photo shows', () => {
    const { region } = rankInRegion([reading('AB123CD', 200, 100)], 'br', nothing);
    expect(region).toEqual({ id: 'br', name: 'Brazil', from: 'setting' });
  });

  it('never answers with a state name, and uses it to pick region and state', () => {
    // The state name, read big and clear, and the serial with a G/6 the model was unsure of.
    const state = reading('CALIFORNIA', 200, 50, 44, 0.99);
    const serial = reading('GABC123', 200, 110, 40, 0.9);
    serial.decoded.charDists[0]![PLATE_CHARS.indexOf('6')] = 0.1;
    const evidence = { ...nothing, clues: [findClue('CALIFORNIA')!] };
    const { plates, region } = rankInRegion([state, serial], 'auto', evidence);
    expect(plates.map((p) => p.text)).not.toContain('CALIFORNIA');
    expect(plates[0]!.text).toBe('6ABC123');
    expect(region).toEqual({
      id: 'us',
      name: 'United States',
      state: 'California',
      from: 'photo',
      evidence: 'words',
    });
  });

  it("reads a serial in the format of the state the plate names, though it isn't a common one", () => {
    // "DELAWARE" above six digits, a shop sign that mixes letters and digits further off, and blue
    // artwork at the plate's left that passes for an EU band.
    const state = reading('DELAWARE', 200, 50, 30, 0.99);
    const serial = reading('545370', 200, 100);
    const sign = reading('OPEN24H', 500, 300, 20, 0.97);
    const evidence = { ...nothing, clues: [findClue('DELAWARE')!], euBand: true };
    const named = rankInRegion([state, serial, sign], 'auto', evidence);
    expect(named.plates[0]!.text).toBe('545370');
    expect(named.region).toMatchObject({ id: 'us', state: 'Delaware', evidence: 'words' });
  });

  it('keeps European readings European without evidence to the contrary', () => {
    const { plates, region } = rankInRegion([reading('GABC123', 200, 100)], 'auto', nothing);
    expect(plates[0]!.text).toBe('GABC123'); // DE: G ABC 123
    // Only the serial's layout chose it: the answer says it was a guess.
    expect(region).toMatchObject({ id: 'eu', from: 'photo', evidence: 'layout' });
    const banded = rankInRegion([reading('GABC123', 200, 100)], 'auto', {
      ...nothing,
      euBand: true,
    });
    expect(banded.region).toMatchObject({ id: 'eu', evidence: 'band' });
    // A region that was asked for needs no evidence.
    expect(rankInRegion([reading('GABC123', 200, 100)], 'eu', nothing).region).toEqual({
      id: 'eu',
      name: 'Europe',
      from: 'setting',
    });
  });

  it('says nothing chose the region when the plate fits no region’s layouts', () => {
    // A vanity plate: read as it is, with the most lenient formats, and the answer says so.
    const { plates, region } = rankInRegion([reading('LUVMYCAR', 200, 100)], 'auto', nothing);
    expect(plates[0]!.text).toBe('LUVMYCAR');
    expect(region).toMatchObject({ id: 'eu', from: 'photo', evidence: 'none' });
    expect(rankInRegion([], 'auto', nothing).region).toMatchObject({ evidence: 'none' });
    // The state's name read above it still chooses the region.
    const plate = reading('LUVMYCAR', 200, 100);
    const name: RotatedBox = { cx: 200, cy: 60, width: 100, height: 16, angle: 0, score: 0.8 };
    const evidence = {
      clues: [findClue('TEXAS')!],
      clueBoxes: [name],
      euBand: false,
      boxes: [plate.candidate.box, name],
    };
    expect(rankInRegion([plate], 'auto', evidence).region).toMatchObject({
      id: 'us',
      state: 'Texas',
      evidence: 'words',
    });
  });

  it('reads a plate with lines stacked on it as American', () => {
    const serial = reading('GABC123', 200, 100);
    serial.decoded.charDists[0]![PLATE_CHARS.indexOf('6')] = 0.3;
    const slogan: RotatedBox = { cx: 200, cy: 150, width: 120, height: 16, angle: 0, score: 0.8 };
    const evidence = { ...nothing, boxes: [serial.candidate.box, slogan] };
    expect(rankInRegion([serial], 'auto', evidence).region.id).toBe('us');
  });

  it('chooses the region by the serial-like line, not by a word only Europe would accept', () => {
    // PARKING fits Europe's lenient unlisted formats; 482KXB is a US serial (DDD LLL).
    const word = reading('PARKING', 200, 60, 40, 0.99);
    const serial = reading('482KXB', 200, 300, 40, 0.9);
    serial.candidate.box.width = 100; // a two-line plate's serial: 2.5:1
    const { plates, region } = rankInRegion([word, serial], 'auto', nothing);
    expect(region.id).toBe('us');
    expect(plates[0]!.text).toBe('482KXB');
  });

  it("answers the car's plate, not a model badge half as tall that fits a European layout", () => {
    // "RX350" on the boot lid fits Germany's L L DDD, in wide chrome letters; below it the plate,
    // its serial twice as tall and of a layout only a state that is not named prints (Montana's
    // 8-05847S), with the state's motto stacked above it.
    const badge = reading('RX350', 420, 260, 18, 0.98);
    badge.candidate.box.width = 60;
    const serial = reading('805847S', 300, 330, 36, 0.9);
    serial.candidate.box.width = 110;
    const motto: RotatedBox = { cx: 300, cy: 296, width: 90, height: 10, angle: 0, score: 0.8 };
    const evidence = { ...nothing, boxes: [badge.candidate.box, serial.candidate.box, motto] };
    const { plates, region } = rankInRegion([badge, serial], 'auto', evidence);
    expect(region.id).toBe('us');
    expect(plates[0]!.text).toBe('805847S');
  });
});

describe('regionWeight', () => {
  it('counts a clue word above an EU band above the plate shape', () => {
    const us = findClue('TEXAS')!;
    expect(regionWeight(REGIONS.us, { ...nothing, clues: [us] })).toBeGreaterThan(
      regionWeight(REGIONS.eu, { ...nothing, euBand: true }),
    );
    expect(regionWeight(REGIONS.eu, { ...nothing, euBand: true })).toBeGreaterThan(
      regionWeight(REGIONS.us, nothing),
    );
  });

  it('counts a lone line for Europe when its characters are wide, for the US when narrow', () => {
    const line = (width: number, chars = 7) => ({
      box: { cx: 200, cy: 100, width, height: 40, angle: 0, score: 0.9 },
      chars,
    });
    // Seven characters on a line 4× as wide as high (0.57 per character): a one-line EU plate.
    expect(regionWeight(REGIONS.eu, nothing, line(160))).toBeGreaterThan(
      regionWeight(REGIONS.us, nothing, line(160)),
    );
    // The same line 2.8× as wide (0.4 per character): a US serial.
    expect(regionWeight(REGIONS.us, nothing, line(112))).toBeGreaterThan(
      regionWeight(REGIONS.eu, nothing, line(112)),
    );
    // Per character: five on that narrower line are as wide as seven on the wider one.
    expect(regionWeight(REGIONS.eu, nothing, line(112, 5))).toBeGreaterThan(
      regionWeight(REGIONS.us, nothing, line(112, 5)),
    );
  });
});
