import type { PlateRegion, Subregion } from './types.js';

/**
 * The common passenger serials of the most populous states (public DMV facts; older series that
 * are still on the road weigh less), and the words their plates print around the serial.
 */
const STATES: Subregion[] = [
  { name: 'California', clues: ['CALIFORNIA', 'DMV.CA.GOV'], layouts: [['D LLL DDD', 1], ['LLL DDD', 0.6]] }, // prettier-ignore
  { name: 'New York', clues: ['NEW YORK', 'EMPIRE STATE', 'EXCELSIOR'], layouts: [['LLL DDDD', 1], ['LLL DDD', 0.6]] }, // prettier-ignore
  { name: 'Texas', clues: ['TEXAS', 'LONE STAR STATE'], layouts: [['LLL DDDD', 1], ['LL D L DDD', 0.8], ['LLL DDD', 0.6]] }, // prettier-ignore
  { name: 'Florida', clues: ['FLORIDA', 'SUNSHINE STATE', 'MYFLORIDA.COM'], layouts: [['LLL L DD', 1], ['DDD LLL', 0.9], ['L DD D LL', 0.9], ['LLL DDD', 0.7]] }, // prettier-ignore
  { name: 'Arizona', clues: ['ARIZONA', 'GRAND CANYON STATE'], layouts: [['LLL DDDD', 1], ['DDD LLL', 0.7], ['LLL DDD', 0.6]] }, // prettier-ignore
  { name: 'Illinois', clues: ['ILLINOIS', 'LAND OF LINCOLN'], layouts: [['LL DDDDD', 1], ['L DDD DDD', 0.8]] }, // prettier-ignore
  { name: 'Pennsylvania', clues: ['PENNSYLVANIA', 'VISITPA.COM', 'KEYSTONE STATE'], layouts: [['LLL DDDD', 1]] }, // prettier-ignore
  { name: 'New Jersey', clues: ['NEW JERSEY', 'GARDEN STATE'], layouts: [['L DD LLL', 1], ['LLL DD L', 0.7]] }, // prettier-ignore
  { name: 'Massachusetts', clues: ['MASSACHUSETTS', 'SPIRIT OF AMERICA'], layouts: [['D LL DDD', 1], ['D LLL DD', 1], ['DDD LL D', 0.7]] }, // prettier-ignore
  { name: 'Ohio', clues: ['OHIO', 'BIRTHPLACE OF AVIATION'], layouts: [['LLL DDDD', 1], ['LL DDDD', 0.6]] }, // prettier-ignore
  { name: 'Michigan', clues: ['MICHIGAN', 'PURE MICHIGAN', 'GREAT LAKES'], layouts: [['LLL DDDD', 1], ['D LL L DD', 0.8], ['DDD LLL', 0.6]] }, // prettier-ignore
  { name: 'Georgia', clues: ['GEORGIA', 'PEACH STATE'], layouts: [['LLL DDDD', 1], ['DDD LLL', 0.6]] }, // prettier-ignore
  { name: 'Washington', clues: ['WASHINGTON', 'EVERGREEN STATE'], layouts: [['LLL DDDD', 1], ['DDD LLL', 0.7]] }, // prettier-ignore
  { name: 'Virginia', clues: ['VIRGINIA', 'VIRGINIA IS FOR LOVERS'], layouts: [['LLL DDDD', 1], ['LLL DDD', 0.7]] }, // prettier-ignore
  { name: 'North Carolina', clues: ['NORTH CAROLINA', 'FIRST IN FLIGHT'], layouts: [['LLL DDDD', 1]] }, // prettier-ignore
  { name: 'Colorado', clues: ['COLORADO'], layouts: [['LLL L DD', 1], ['DDD LLL', 0.8]] }, // prettier-ignore
  { name: 'Nevada', clues: ['NEVADA', 'HOME MEANS NEVADA', 'SILVER STATE'], layouts: [['DDD L DD', 1], ['DD L DDD', 0.9]] }, // prettier-ignore
  { name: 'Oregon', clues: ['OREGON', 'PACIFIC WONDERLAND'], layouts: [['DDD LLL', 1], ['LLL DDD', 0.9]] }, // prettier-ignore
  { name: 'Maryland', clues: ['MARYLAND'], layouts: [['D LL DDDD', 1], ['D LL L DD', 0.8]] }, // prettier-ignore
  { name: 'Minnesota', clues: ['MINNESOTA', '10000 LAKES'], layouts: [['DDD LLL', 1], ['LLL DDD', 1]] }, // prettier-ignore
  { name: 'Tennessee', clues: ['TENNESSEE'], layouts: [['L DD DD L', 1], ['DDD LLL', 0.7]] }, // prettier-ignore
  { name: 'Wisconsin', clues: ['WISCONSIN', 'DAIRYLAND'], layouts: [['LLL DDDD', 1], ['DDD LLL', 0.7]] }, // prettier-ignore
  { name: 'Missouri', clues: ['MISSOURI', 'SHOW-ME STATE'], layouts: [['LL D L D L', 1]] }, // prettier-ignore
  { name: 'Alabama', clues: ['ALABAMA', 'HEART OF DIXIE'], layouts: [['DD LL DDD', 1], ['D L DDDD', 0.7]] }, // prettier-ignore
  { name: 'Louisiana', clues: ['LOUISIANA', "SPORTSMAN'S PARADISE"], layouts: [['LLL DDD', 1]] }, // prettier-ignore
];

/** US plates: about 2:1, the state name above the serial, often a slogan, stickers and a frame. */
export const US: PlateRegion = {
  id: 'us',
  name: 'United States',
  // Serials no single state above owns, seen across many (older series, smaller states).
  layouts: [
    ['LLL DDDD', 0.9],
    ['LLL DDD', 0.8],
    ['DDD LLL', 0.8],
    ['D LLL DDD', 0.8],
  ],
  subregions: STATES,
  // The other states' (and DC's) names point to the US too, though their serials are not listed.
  clues: [
    ...['IN GOD WE TRUST', 'USA', 'AMERICA', 'COUNTY', 'DEALER', 'DMV', 'STATE'],
    ...['ALASKA', 'ARKANSAS', 'CONNECTICUT', 'DELAWARE', 'HAWAII', 'IDAHO', 'INDIANA', 'IOWA'],
    ...['KANSAS', 'KENTUCKY', 'MAINE', 'MISSISSIPPI', 'MONTANA', 'NEBRASKA', 'NEW HAMPSHIRE'],
    ...['NEW MEXICO', 'NORTH DAKOTA', 'OKLAHOMA', 'RHODE ISLAND', 'SOUTH CAROLINA'],
    ...['SOUTH DAKOTA', 'UTAH', 'VERMONT', 'WEST VIRGINIA', 'WYOMING', 'DISTRICT OF COLUMBIA'],
  ],
  // Vanity plates exist, but a text of letters only is far more often the state, a slogan or a frame.
  unlisted: { mixed: 0.4, lettersOnly: 0.15, digitsOnly: 0.2 },
  // The look-alikes that US serial fonts confuse; no D/0 or L/1: D and L are common serial letters.
  lookAlikes: {
    '0': 'OQ',
    '1': 'I',
    '2': 'Z',
    '5': 'S',
    '6': 'G',
    '8': 'B', // prettier-ignore
    O: '0',
    Q: '0',
    I: '1',
    Z: '2',
    S: '5',
    G: '6',
    B: '8', // prettier-ignore
  },
  swapDoubt: 0.1,
  // Serial characters about 3" high and 1.2" wide: a lone line of them is a US plate whose small
  // state name and slogan were not found.
  shapeWeight: { stacked: 1.6, lone: 1.3, charWidth: [0, 0.47] },
};
