import { BR } from './br.js';
import { EU } from './eu.js';
import type { PlateRegion, RegionId, RegionSetting } from './types.js';
import { US } from './us.js';

/** Every region the reader knows, by id. */
export const REGIONS: Readonly<Record<RegionId, PlateRegion>> = { eu: EU, us: US, br: BR };

/** The accepted values of the `region` setting, `auto` first. */
export const REGION_SETTINGS: readonly RegionSetting[] = ['auto', 'eu', 'us', 'br'];

/** True when `value` names a region setting (for parsing query strings and CLI flags). */
export function isRegionSetting(value: unknown): value is RegionSetting {
  return typeof value === 'string' && (REGION_SETTINGS as readonly string[]).includes(value);
}
