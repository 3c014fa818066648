import { describe, expect, it } from 'vitest';
import { distanceWithin, editDistance, findClue } from './plate-clues.js';

describe('findClue', () => {
  it('names the state from its name or slogan, as the OCR reads them', () => {
    expect(findClue('CALIFORNIA')).toEqual({ region: 'us', subregion: 'California', word: 'CALIFORNIA' }); // prettier-ignore
    expect(findClue('LANDOFLINC0LN')?.subregion).toBe('Illinois'); // one slip: 0 for O
    expect(findClue('DMVCAG0V')?.subregion).toBe('California');
    expect(findClue('SUNSHINESTATE')?.subregion).toBe('Florida');
    expect(findClue('IBRASIL')?.region).toBe('br'); // a stray character before the word
  });

  it('knows every state by name, and small names read only in part', () => {
    expect(findClue('KENTUCKY')).toEqual({ region: 'us', subregion: 'Kentucky', word: 'KENTUCKY' }); // prettier-ignore
    expect(findClue('LIVEFREEORDIE')?.subregion).toBe('New Hampshire');
    expect(findClue('DISTRICTOFCOLUMBIA')?.subregion).toBe('District of Columbia');
    expect(findClue('WASHINGTON')?.subregion).toBe('Washington');
    // A word printed on many states' plates names none, though it is part of one's slogan.
    expect(findClue('STATE')).toEqual({ region: 'us', word: 'STATE' });
    expect(findClue('ENIUCK')?.word).toBe('KENTUCKY'); // "ENTUCK" with one slip
    expect(findClue('ALIFORN')?.subregion).toBe('California');
    expect(findClue('CAROLINA')?.subregion).toMatch(/Carolina/);
    expect(findClue('UTAI')?.word).toBe('UTAH'); // four letters: one slip
  });

  it('leaves serials and other words alone', () => {
    for (const text of [
      '7ABC123',
      'ABC1234',
      'BRA2E19',
      'AB123CD',
      'PARKING',
      'OHI0',
      'TAXI',
      'TRUCK',
      'ROVER',
      'TOYOTA',
      'HONDA',
      'NORTH', // a road sign, not "NORTH TO THE FUTURE" (Alaska) nor North Carolina
      'MAIN', // not MAINE: a short name's slip keeps its length
      'MARINE',
      'REMAINED', // holds MAINE, but with more than a stray character around it
      'LOUIS', // five letters of LOUISIANA: too few to be a part of it
      'COUNTRY',
      'GREAT',
      'SPIRIT',
    ]) {
      // prettier-ignore
      expect(findClue(text), text).toBeUndefined();
    }
  });

  it('counts edits, giving up past the limit', () => {
    expect(editDistance('TEXAS', 'TEXAS', 1)).toBe(0);
    expect(editDistance('TEXA5', 'TEXAS', 1)).toBe(1);
    expect(editDistance('TEX', 'TEXAS', 1)).toBe(2);
    expect(distanceWithin('ENTUCK', 'KENTUCKY', 1)).toBe(0);
    expect(distanceWithin('ENIUCK', 'KENTUCKY', 1)).toBe(1);
    expect(distanceWithin('TRUCK', 'KENTUCKY', 0)).toBe(1); // over the limit
  });
});
