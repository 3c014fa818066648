/** The regions the reader knows; `auto` picks one per photo from what it sees. */
export type RegionId = 'eu' | 'us' | 'br';
export type RegionSetting = 'auto' | RegionId;

/**
 * A plate layout: L = letter, D = digit, X = either, `L1-3` = one to three letters; spaces only
 * separate groups for the reader ("D LLL DDD" is 7ABC123). The weight says how common it is in the
 * region, 0..1 (the main current series 1, older or rarer series less).
 */
export type Layout = [layout: string, weight: number];

/** A sub-region with its own layouts (a US state), named by words printed on its plates. */
export interface Subregion {
  name: string;
  /** Words on the plate that name it: its name, slogans, web address (any case, any spacing). */
  clues: string[];
  layouts: Layout[];
  /**
   * Its layouts count only when the plate names it. Without a name, every sub-region's layouts
   * count; a small state's unusual ones (all digits) would then fit many misread serials.
   */
  onlyWhenNamed?: boolean;
}

/** Everything the pipeline knows about one region's plates, as plain data. */
export interface PlateRegion {
  id: RegionId;
  name: string;
  /** Layouts of the whole region (a sub-region's layouts are added to these). */
  layouts: Layout[];
  subregions?: Subregion[];
  /** Words on the region's plates that are not the serial (and point to the region). */
  clues: string[];
  /**
   * Plausibility of a 4–8 character text that fits no layout (a vanity plate, an unlisted series):
   * when it mixes letters and digits, and when it is letters only or digits only. Where nearly all
   * serials mix both (US), a text of letters only is much more likely a word on the plate's rim.
   */
  unlisted: { mixed: number; lettersOnly: number; digitsOnly: number };
  /**
   * Look-alike letters and digits: which characters a reading may be swapped for when a layout
   * wants the other class at that position ('0' → 'O' where a letter is due, 'O' → '0' where a
   * digit is). Listed most likely first.
   */
  lookAlikes: Record<string, string>;
  /**
   * How much a clear reading resists a look-alike swap (see `swapCost`): 0 lets the layout alone
   * decide, as where every serial fits one of a few layouts; more where vanity plates and
   * unlisted series are common, so that only the current series' layouts overrule a sure reading.
   */
  swapDoubt: number;
  /**
   * How much the plate's shape speaks for the region when choosing one (`auto`): the weight when
   * other lines are stacked on the plate (a state name, a slogan, "BRASIL": taller plates, US about
   * 2:1) and when the serial is a lone line. `charWidth`: the lone weight counts only when the
   * serial line is this wide per character, in line heights as the detector boxes it — the
   * one-line EU plate's characters are wide (about 0.55), US serials tall and narrow (about 0.4).
   */
  shapeWeight: { stacked: number; lone: number; charWidth?: [number, number] };
}
