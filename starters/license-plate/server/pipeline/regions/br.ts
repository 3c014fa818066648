import type { PlateRegion } from './types.js';

/**
 * Brazilian plates: the Mercosul series since 2018 (ABC1D23, "BRASIL" on a blue band on top) and
 * the older grey plates (ABC-1234, town and state above the serial).
 */
export const BR: PlateRegion = {
  id: 'br',
  name: 'Brazil',
  layouts: [
    ['LLL D L DD', 1], // Mercosul
    ['LLL DDDD', 1], // before 2018
  ],
  clues: [
    'BRASIL',
    'MERCOSUL',
    'SAO PAULO',
    'RIO DE JANEIRO',
    'BELO HORIZONTE',
    'CURITIBA',
    'PORTO ALEGRE',
    'SALVADOR',
    'BRASILIA',
    'FORTALEZA',
    'RECIFE',
    'CAMPINAS',
    'GOIANIA',
    'MANAUS',
  ],
  // Every series is three letters then digits (one letter among them on Mercosul plates).
  unlisted: { mixed: 0.35, lettersOnly: 0.1, digitsOnly: 0.1 },
  lookAlikes: {
    '0': 'OQD',
    '1': 'I',
    '2': 'Z',
    '4': 'A',
    '5': 'S',
    '6': 'G',
    '7': 'T',
    '8': 'B', // prettier-ignore
    O: '0',
    Q: '0',
    D: '0',
    I: '1',
    Z: '2',
    A: '4',
    S: '5',
    G: '6',
    T: '7',
    B: '8', // prettier-ignore
  },
  swapDoubt: 0,
  shapeWeight: { stacked: 1.3, lone: 1 },
};
