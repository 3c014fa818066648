import { describe, expect, it } from 'vitest';
import { PLATE_CHARS, type Decoded } from './ctc-decode.js';
import type { Candidate } from './plate-candidates.js';
import { rankReadings, textConfidence } from './rank.js';
import { REGIONS } from './regions/regions.js';
import { formatBook } from './plate-format.js';

function decoded(text: string, p = 0.95): Decoded {
  return {
    text,
    charProbs: [...text].map(() => p),
    charDists: [...text].map((ch) => {
      const d = new Float32Array(PLATE_CHARS.length);
      d[PLATE_CHARS.indexOf(ch)] = p;
      return d;
    }),
  };
}

const candidate = (cx: number, cy: number, height = 24, shapeScore = 0.9): Candidate => ({
  box: { cx, cy, width: height * 4, height, angle: 0, score: 0.9 },
  shapeScore,
  atEdge: false,
  down: cy / 480, // in a 640×480 photo
});

describe('rankReadings', () => {
  it('puts the plate-formatted reading first and reports its box', () => {
    const plates = rankReadings([
      { candidate: candidate(100, 50), decoded: decoded('OPEN24'), darkShare: 0.3 },
      { candidate: candidate(300, 300), decoded: decoded('AB123CD'), darkShare: 0.3 },
    ]);
    expect(plates.map((p) => p.text)).toEqual(['AB123CD', 'OPEN24']);
    expect(plates[0]!.box).toEqual([252, 288, 348, 312]);
    expect(plates[0]!.confidence).toBeCloseTo(0.95);
  });

  it('keeps one reading per place (the merged box and its parts overlap)', () => {
    const plates = rankReadings([
      { candidate: candidate(300, 300), decoded: decoded('AB123CD'), darkShare: 0.3 },
      { candidate: candidate(290, 300, 22), decoded: decoded('AB123'), darkShare: 0.3 },
    ]);
    expect(plates.map((p) => p.text)).toEqual(['AB123CD']);
  });

  it('ranks text high up in the photo (a sign) below an equally read plate lower down', () => {
    const plates = rankReadings([
      { candidate: candidate(300, 40), decoded: decoded('AB123CD'), darkShare: 0.3 },
      { candidate: candidate(300, 300), decoded: decoded('CD456EF'), darkShare: 0.3 },
    ]);
    expect(plates.map((p) => p.text)).toEqual(['CD456EF', 'AB123CD']);
  });

  it('ranks light-on-dark text and smaller text below an equally read plate', () => {
    const plates = rankReadings([
      { candidate: candidate(100, 50, 14), decoded: decoded('SW722'), darkShare: 0.8 },
      { candidate: candidate(300, 300, 30, 0.5), decoded: decoded('FWE50'), darkShare: 0.3 },
    ]);
    expect(plates[0]!.text).toBe('FWE50');
  });

  it('puts a serial with a state name stacked on it above a sign that fits a listed format', () => {
    const readings = [
      // A sign lower in the photo whose text fits Florida's LLL LDD; a Utah serial (not listed).
      { candidate: candidate(300, 400), decoded: decoded('SALE50'), darkShare: 0.3 },
      { candidate: candidate(300, 200, 40), decoded: decoded('554E1'), darkShare: 0.3 },
    ];
    const book = formatBook(REGIONS.us);
    expect(rankReadings(readings, 0.1, book)[0]!.text).toBe('SALE50');
    // "UTAH" read 60 px above the serial, half its height: the serial is on a plate.
    const utah = { cx: 300, cy: 140, width: 80, height: 20, angle: 0, score: 0.9 };
    expect(rankReadings(readings, 0.1, book, [utah])[0]!.text).toBe('554E1');
    // The same word far from both lines frames neither.
    const far = { ...utah, cx: 40 };
    expect(rankReadings(readings, 0.1, book, [far])[0]!.text).toBe('SALE50');
  });

  it('puts the nearest car first when the photo shows several sure plates', () => {
    // A farther car's plate, read a little more surely, beside the photographed car's.
    const farther = { candidate: candidate(500, 250, 16), decoded: decoded('AB123CD', 0.99), darkShare: 0.3 }; // prettier-ignore
    const nearer = { candidate: candidate(250, 330, 30), decoded: decoded('CD456EF', 0.85), darkShare: 0.3 }; // prettier-ignore
    expect(rankReadings([farther, nearer]).map((p) => p.text)).toEqual(['CD456EF', 'AB123CD']);
    // Bigger text that is not surely a plate (it fits no layout) does not jump ahead.
    const sticker = { candidate: candidate(250, 420, 40), decoded: decoded('COEXIST', 0.99), darkShare: 0.3 }; // prettier-ignore
    expect(rankReadings([farther, sticker])[0]!.text).toBe('AB123CD');
    // Two cars about as near (text heights within a fifth): the surer reading leads.
    const left = (p: number) => ({ candidate: candidate(200, 330, 28), decoded: decoded('AB123CD', p), darkShare: 0.3 }); // prettier-ignore
    const right = (p: number) => ({ candidate: candidate(450, 330, 30), decoded: decoded('CD456EF', p), darkShare: 0.3 }); // prettier-ignore
    expect(rankReadings([left(0.99), right(0.85)])[0]!.text).toBe('AB123CD');
    expect(rankReadings([left(0.85), right(0.99)])[0]!.text).toBe('CD456EF');
  });

  it('drops empty and hopeless readings', () => {
    expect(
      rankReadings([{ candidate: candidate(1, 1), decoded: decoded(''), darkShare: 0.3 }]),
    ).toEqual([]);
    expect(textConfidence([])).toBe(0);
  });
});
