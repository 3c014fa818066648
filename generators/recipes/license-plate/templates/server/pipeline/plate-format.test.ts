import { describe, expect, it } from 'vitest';
import { PLATE_CHARS } from './ctc-decode.js';
import { classesOf, expandLayout, formatScore, plateAlternatives } from './plate-format.js';

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

  it('scores common regional layouts above unknown strings', () => {
    for (const plate of ['AB123CD', 'AB12CDE', '1234BCD', 'M AB 1234', '7ABC123', 'ABC1234']) {
      expect(formatScore(plate.replace(/ /g, ''))).toBeGreaterThanOrEqual(0.85);
    }
    expect(formatScore('A1B2C3D4')).toBeLessThan(0.7);
    expect(formatScore('AB')).toBeLessThan(0.2);
    expect(formatScore('ABCDEFGHIJK')).toBeLessThan(0.1);
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
