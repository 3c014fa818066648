import { describe, expect, it } from 'vitest';
import { PLATE_CHARS } from './ctc-decode.js';
import {
  classesOf,
  expandLayout,
  fitsLayout,
  formatBook,
  formatScore,
  isSerialLike,
  plateAlternatives,
  swapCost,
} from './plate-format.js';
import { REGIONS } from './regions/regions.js';

/** Confident one-hot distributions for a reading, as the CTC decoder gives them. */
function confident(text: string) {
  const charDists = [...text].map((ch) => {
    const d = new Float32Array(PLATE_CHARS.length);
    d[PLATE_CHARS.indexOf(ch)] = 0.97;
    return d;
  });
  return { charProbs: [...text].map(() => 0.97), charDists };
}

describe('plate formats', () => {
  it('expands layouts into concrete templates', () => {
    expect(expandLayout('L1-2 D')).toEqual(['LD', 'LLD']);
    expect(expandLayout('LL DDD LL')).toEqual(['LLDDDLL']);
    expect(classesOf('AB12')).toBe('LLDD');
  });

  it('calls 4–9 characters mixing letters and digits serial-like, and words not', () => {
    expect(['7ABC123', 'AB123CD', 'SALE50', '4X1K'].every(isSerialLike)).toBe(true);
    expect(['PARKING', 'TEXAS', '2024', 'A1B', 'ABCD12345X'].some(isSerialLike)).toBe(false);
  });

  it('scores common regional layouts above unknown strings', () => {
    for (const plate of ['AB123CD', 'AB12CDE', '1234BCD', 'M AB 1234', '7ABC123', 'ABC1234']) {
      expect(formatScore(plate.replace(/ /g, ''))).toBeGreaterThanOrEqual(0.85);
    }
    expect(formatScore('A1B2C3D4')).toBeLessThan(0.7);
    expect(formatScore('AB')).toBeLessThan(0.2);
    expect(formatScore('ABCDEFGHIJK')).toBeLessThan(0.1);
  });

  it('lists no serial under four characters, though a layout allows it (a sign: "NO 7")', () => {
    const eu = formatBook(REGIONS.eu);
    expect(fitsLayout('MA12', eu)).toBe(true); // Germany's L1-3 L1-2 D1-4
    expect(fitsLayout('NO7', eu)).toBe(false);
    expect(formatScore('NO7', eu)).toBeCloseTo(0.2 * 0.7);
  });

  it('prefers longer plates over short strings of the same layout family', () => {
    expect(formatScore('AB1234')).toBeGreaterThan(formatScore('AB12'));
  });

  it('repairs look-alike letters and digits to fit a layout', () => {
    const alts = plateAlternatives(
      'BA2681M',
      ...(Object.values(confident('BA2681M')) as [number[], Float32Array[]]),
    );
    expect(alts.map((a) => a.text)).toContain('BA268IM');
    const best = alts.find((a) => a.text === 'BA268IM')!;
    expect(best.factor).toBeGreaterThan(formatScore('BA2681M'));
  });

  it('drops one stray character (a sticker between the groups)', () => {
    const { charProbs, charDists } = confident('1T483213');
    charProbs[3] = 0.6;
    const alts = plateAlternatives('1T483213', charProbs, charDists);
    expect(alts[0]!.text).toBe('1T43213');
    expect(alts[0]!.factor).toBeGreaterThan(formatScore('1T483213'));
  });

  it('never swaps characters that do not look alike', () => {
    const { charProbs, charDists } = confident('GWAGEN');
    expect(plateAlternatives('GWAGEN', charProbs, charDists).map((a) => a.text)).not.toContain(
      'GWAGE2',
    );
  });
});

describe('plate formats per region', () => {
  const us = formatBook(REGIONS.us);
  const california = formatBook(REGIONS.us, 'California');

  /** A reading whose character `at` the model gave `p`, and `alt` the rest (a torn reading). */
  function torn(text: string, at: number, alt: string, p: number) {
    const { charProbs, charDists } = confident(text);
    charProbs[at] = p;
    charDists[at]![PLATE_CHARS.indexOf(text[at]!)] = p;
    charDists[at]![PLATE_CHARS.indexOf(alt)] = 1 - p;
    return { charProbs, charDists };
  }

  it('knows the US serials and not the German ones', () => {
    expect(formatScore('7ABC123', us)).toBe(1);
    expect(formatScore('GABC123', us)).toBeLessThan(0.5); // DE 'L1-3 L1-2 D1-4' fits anywhere
    expect(formatScore('GABC123')).toBeGreaterThanOrEqual(0.85);
  });

  it('scores words of letters only low where serials mix letters and digits', () => {
    expect(formatScore('PARKING', us)).toBeLessThan(0.2);
    expect(formatScore('PARKING', formatBook(REGIONS.eu))).toBe(0.6);
  });

  it('repairs a look-alike where the region allows it: G → 6 for California', () => {
    const { charProbs, charDists } = torn('GABC123', 0, '6', 0.6);
    const best = plateAlternatives('GABC123', charProbs, charDists, california)[0]!;
    expect(best.text).toBe('6ABC123');
    expect(best.factor).toBeGreaterThan(formatScore('GABC123', california));
  });

  it('lets a US layout overrule a clear reading only when it is a current series', () => {
    // 'XE1552' fits no US layout; 'XEI552' fits the older LLL DDD (weight 0.8 at most).
    const { charProbs, charDists } = confident('XE1552');
    const alts = plateAlternatives('XE1552', charProbs, charDists, us);
    const repaired = alts.find((a) => a.text === 'XEI552');
    expect(repaired === undefined || repaired.factor < formatScore('XE1552', us)).toBe(true);
  });

  it('keeps a sure reading of digits only rather than swap a digit to fit a layout', () => {
    // Some states print digits only; '54S370' fits Nevada's DD L DDD, but every digit was clear.
    const { charProbs, charDists } = confident('545370');
    const best = plateAlternatives('545370', charProbs, charDists, us)[0];
    expect(best === undefined || best.factor < formatScore('545370', us)).toBe(true);
  });

  it('keeps sure digits only in Europe too, where the layouts alone decide other swaps', () => {
    // '9S7915' fits a Belgian-like D L DDDD, but no European plate reads as digits only unless
    // every letter on it was misread: a clear '957915' is a serial of digits only.
    const eu = formatBook(REGIONS.eu);
    const { charProbs, charDists } = confident('957915');
    const best = plateAlternatives('957915', charProbs, charDists, eu)[0];
    expect(best === undefined || best.factor < formatScore('957915', eu)).toBe(true);
    // The model torn between 5 and S: the layout may still decide.
    const unsure = torn('957915', 1, 'S', 0.55);
    const repaired = plateAlternatives('957915', unsure.charProbs, unsure.charDists, eu)[0]!;
    expect(repaired.text).toBe('9S7915');
    expect(repaired.factor).toBeGreaterThan(formatScore('957915', eu));
  });

  it("counts a small state's own layouts only where the plate names the state", () => {
    const maine = formatBook(REGIONS.us, 'Maine');
    expect(formatScore('1234AB', maine)).toBe(1); // Maine's 1234 AB
    expect(formatScore('1234AB', us)).toBeLessThan(0.5);
    expect(formatScore('1234AB', california)).toBeLessThan(0.5);
    // Delaware's serials are digits only: a reading of six clear digits stays as read there.
    const delaware = formatBook(REGIONS.us, 'Delaware');
    expect(formatScore('545370', delaware)).toBe(1);
    expect(formatScore('545370', us)).toBeLessThan(0.5);
    expect(formatScore('7ABC123', delaware)).toBeGreaterThanOrEqual(0.75); // others' still read
  });

  it('costs less to swap where the model was torn', () => {
    expect(swapCost(0.4, 0.6, 0.1)).toBeGreaterThan(swapCost(0.01, 0.99, 0.1));
    expect(swapCost(0.01, 0.99, 0)).toBe(swapCost(0.4, 0.6, 0));
  });
});
