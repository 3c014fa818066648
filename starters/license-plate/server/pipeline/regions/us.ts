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

/**
 * The other states and DC. Their plates are fewer on the road, so their layouts count only when
 * the plate names the state (`onlyWhenNamed`): Maine's 1234 AB or Delaware's all-digit serials
 * would otherwise compete with every misread serial. Where a state numbers its plates by county
 * (Montana, Nebraska, Wyoming: "4-1234A"), the county number is part of what is read.
 */
const SMALLER_STATES: Subregion[] = [
  { name: 'Alaska', clues: ['ALASKA', 'THE LAST FRONTIER', 'NORTH TO THE FUTURE'], layouts: [['LLL DDD', 1]] }, // prettier-ignore
  { name: 'Arkansas', clues: ['ARKANSAS', 'THE NATURAL STATE'], layouts: [['DDD LLL', 1], ['LLL DDD', 0.8]] }, // prettier-ignore
  { name: 'Connecticut', clues: ['CONNECTICUT', 'CONSTITUTION STATE'], layouts: [['LL DDDDD', 1], ['DDD LLL', 0.8]] }, // prettier-ignore
  { name: 'Delaware', clues: ['DELAWARE', 'THE FIRST STATE'], layouts: [['DDDDDD', 1], ['DDDDD', 0.8]] }, // prettier-ignore
  { name: 'District of Columbia', clues: ['DISTRICT OF COLUMBIA', 'TAXATION WITHOUT REPRESENTATION'], layouts: [['LL DDDD', 1]] }, // prettier-ignore
  { name: 'Hawaii', clues: ['HAWAII', 'ALOHA STATE'], layouts: [['LLL DDD', 1]] }, // prettier-ignore
  { name: 'Idaho', clues: ['IDAHO', 'FAMOUS POTATOES', 'SCENIC IDAHO'], layouts: [['D L DDDDD', 0.8], ['DL DDDD', 0.7]] }, // prettier-ignore
  { name: 'Indiana', clues: ['INDIANA', 'CROSSROADS OF AMERICA'], layouts: [['DDD L1-3', 1]] }, // prettier-ignore
  { name: 'Iowa', clues: ['IOWA'], layouts: [['LLL DDD', 1], ['DDD LLL', 0.8]] }, // prettier-ignore
  { name: 'Kansas', clues: ['KANSAS'], layouts: [['DDD LLL', 1]] }, // prettier-ignore
  { name: 'Kentucky', clues: ['KENTUCKY', 'UNBRIDLED SPIRIT'], layouts: [['DDD LLL', 1]] }, // prettier-ignore
  { name: 'Maine', clues: ['MAINE', 'VACATIONLAND'], layouts: [['DDDD LL', 1]] }, // prettier-ignore
  { name: 'Mississippi', clues: ['MISSISSIPPI'], layouts: [['LLL DDD', 1], ['LLL DDDD', 0.8]] }, // prettier-ignore
  { name: 'Montana', clues: ['MONTANA', 'BIG SKY', 'TREASURE STATE'], layouts: [['D1-2 D4-5 L', 0.8]] }, // prettier-ignore
  { name: 'Nebraska', clues: ['NEBRASKA', 'THE GOOD LIFE'], layouts: [['LLL DDD', 1], ['D1-2 L D3-4', 0.8]] }, // prettier-ignore
  { name: 'New Hampshire', clues: ['NEW HAMPSHIRE', 'LIVE FREE OR DIE'], layouts: [['DDD DDDD', 1], ['DDD DDD', 0.8]] }, // prettier-ignore
  { name: 'New Mexico', clues: ['NEW MEXICO', 'LAND OF ENCHANTMENT'], layouts: [['LLL DDD', 1], ['DDD LLL', 0.8]] }, // prettier-ignore
  { name: 'North Dakota', clues: ['NORTH DAKOTA', 'PEACE GARDEN STATE'], layouts: [['DDD LLL', 1]] }, // prettier-ignore
  { name: 'Oklahoma', clues: ['OKLAHOMA', 'NATIVE AMERICA'], layouts: [['LLL DDD', 1], ['DDD LLL', 0.8]] }, // prettier-ignore
  { name: 'Rhode Island', clues: ['RHODE ISLAND', 'OCEAN STATE'], layouts: [['DDD DDD', 1], ['DD DDD', 0.8], ['LL DDD', 0.8]] }, // prettier-ignore
  { name: 'South Carolina', clues: ['SOUTH CAROLINA', 'WHILE I BREATHE I HOPE'], layouts: [['LLL DDD', 1]] }, // prettier-ignore
  { name: 'South Dakota', clues: ['SOUTH DAKOTA', 'GREAT FACES GREAT PLACES', 'MOUNT RUSHMORE'], layouts: [['D1-2 L DDDD', 0.8], ['D1-2 LL DDD', 0.7]] }, // prettier-ignore
  { name: 'Utah', clues: ['UTAH', 'LIFE ELEVATED', 'GREATEST SNOW ON EARTH'], layouts: [['L DD D LL', 1], ['DDD LLL', 0.8]] }, // prettier-ignore
  { name: 'Vermont', clues: ['VERMONT', 'GREEN MOUNTAIN STATE'], layouts: [['LLL DDD', 1]] }, // prettier-ignore
  { name: 'West Virginia', clues: ['WEST VIRGINIA', 'WILD WONDERFUL', 'ALMOST HEAVEN'], layouts: [['D LL DDD', 1]] }, // prettier-ignore
  { name: 'Wyoming', clues: ['WYOMING', 'LIKE NO PLACE ON EARTH'], layouts: [['D1-2 D4-5', 1]] }, // prettier-ignore
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
  subregions: [...STATES, ...SMALLER_STATES.map((state) => ({ ...state, onlyWhenNamed: true }))],
  // Words on plates of every state.
  clues: ['IN GOD WE TRUST', 'USA', 'AMERICA', 'COUNTY', 'DEALER', 'DMV', 'STATE'],
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
